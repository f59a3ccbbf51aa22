package dev.faxreports.cli;

import dev.faxreports.FaxReports;
import dev.faxreports.config.ConfigKeys;
import dev.faxreports.config.ConfigSource;
import dev.faxreports.config.ConfigValue;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The root command: the options every command shares, given before the command. */
@Command(
    name = "faxreports",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Collects Retarus Fax status reports from every data center of a region.",
      "Output is JSON Lines on stdout; diagnostics and progress go to stderr.",
      "Credentials come only from RETARUS_USERNAME and RETARUS_PASSWORD."
    },
    subcommands = {
      ListCommand.class, GetCommand.class, BulkGetCommand.class, BulkDeleteCommand.class,
      DeleteOldestCommand.class, DrainCommand.class, DemoCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:partial: some data center failed, the rest was done",
      "2:bad usage or invalid argument (nothing sent)",
      "3:authentication failed",
      "4:not found",
      "5:any other service or transport failure",
      "130:drain interrupted by Ctrl-C (143: by SIGTERM); what is in the file is all that was deleted"
    })
final class FaxReportsCommand implements Runnable {

  @Spec CommandSpec spec;

  @Option(names = "--endpoint", paramLabel = "URL",
      description = "A data-center base URL such as https://faxws.de1.retarus.com/rest/v1 (its path"
          + " ends in /rest/v1), or NAME=URL; repeat it for each data center. Overrides --region.")
  List<String> endpoints;

  @Option(names = "--region", paramLabel = "REGION",
      description = "EUROPE, USA, SWITZERLAND or SINGAPORE: every data center of it is queried.")
  String region;

  @Option(names = "--customer", paramLabel = "NUMBER",
      description = "The customer number (default: RETARUS_CUSTOMER_NUMBER).")
  String customer;

  @Option(names = "--transport", paramLabel = "feign|vertx",
      description = "The HTTP transport (default: RETARUS_FAX_TRANSPORT, else feign).")
  String transport;

  @Option(names = "--request-timeout", paramLabel = "ISO-8601",
      description = "How long one request may take, e.g. PT30S (default PT30S).")
  String requestTimeout;

  @Option(names = "--max-attempts", paramLabel = "N",
      description = "Tries per request, retries included (default 4).")
  String maxAttempts;

  private final Session session;

  FaxReportsCommand(Session session) {
    this.session = session;
  }

  Session session() {
    return session;
  }

  /** No command given: a usage error (the handler prints the synopsis). */
  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }

  /**
   * A facade from the options, then the environment; credentials only from the environment. An
   * endpoint that is no v1 base URL is refused before anything is sent (see {@link ApiBasePath}).
   */
  FaxReports open() {
    FaxReports reports = FaxReports.fromConfiguration(
        options().or(ConfigSource.environment(session.environment())).or(DEFAULTS));
    try {
      ApiBasePath.require(reports.async().dataCenters());
    } catch (RuntimeException wrongEndpoint) {
      reports.close();
      throw wrongEndpoint;
    }
    return reports;
  }

  /** The settings given as options, each naming its option in an error. */
  ConfigSource options() {
    Map<String, ConfigValue> given = new HashMap<>();
    put(given, ConfigKeys.ENDPOINTS, "--endpoint", endpoints == null ? null : String.join(",", endpoints));
    put(given, ConfigKeys.REGION, "--region", region);
    put(given, ConfigKeys.CUSTOMER_NUMBER, "--customer", customer);
    put(given, ConfigKeys.TRANSPORT, "--transport", transport);
    put(given, ConfigKeys.REQUEST_TIMEOUT, "--request-timeout", requestTimeout);
    put(given, ConfigKeys.MAX_ATTEMPTS, "--max-attempts", maxAttempts);
    return key -> Optional.ofNullable(given.get(key));
  }

  /** What applies when neither an option nor the environment says otherwise. */
  static final ConfigSource DEFAULTS = ConfigSource.of(Map.of(ConfigKeys.TRANSPORT, "feign"));

  /** The transport an option chose, or null. */
  String transportOption() {
    return transport;
  }

  private static void put(Map<String, ConfigValue> given, String key, String option, String value) {
    if (value != null && !value.isBlank()) {
      given.put(key, new ConfigValue(key, value, "option " + option));
    }
  }
}
