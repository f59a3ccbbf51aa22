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
      "5:any other service or transport failure"
    })
final class FaxReportsCommand implements Runnable {

  @Spec CommandSpec spec;

  @Option(names = "--endpoint", paramLabel = "URL",
      description = "A data-center base URL such as https://faxws.de1.retarus.com/rest/v1, or"
          + " NAME=URL; repeat it for each data center. Overrides --region.")
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

  /** No command given: show the usage. */
  @Override
  public void run() {
    spec.commandLine().usage(session.err());
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }

  /** A facade from the options, then the environment; credentials only from the environment. */
  FaxReports open() {
    return open(session.environment());
  }

  FaxReports open(Map<String, String> environment) {
    Map<String, String> options = new HashMap<>();
    put(options, ConfigKeys.ENDPOINTS, endpoints == null ? null : String.join(",", endpoints));
    put(options, ConfigKeys.REGION, region);
    put(options, ConfigKeys.CUSTOMER_NUMBER, customer);
    put(options, ConfigKeys.TRANSPORT, transport);
    put(options, ConfigKeys.REQUEST_TIMEOUT, requestTimeout);
    put(options, ConfigKeys.MAX_ATTEMPTS, maxAttempts);
    ConfigSource fromOptions = key -> Optional.ofNullable(options.get(key))
        .map(value -> new ConfigValue(key, value, "option " + OPTION_OF.get(key)));
    ConfigSource defaults = ConfigSource.of(Map.of(ConfigKeys.TRANSPORT, "feign"));
    return FaxReports.fromConfiguration(
        fromOptions.or(ConfigSource.environment(environment)).or(defaults));
  }

  private static final Map<String, String> OPTION_OF = Map.of(
      ConfigKeys.ENDPOINTS, "--endpoint", ConfigKeys.REGION, "--region",
      ConfigKeys.CUSTOMER_NUMBER, "--customer", ConfigKeys.TRANSPORT, "--transport",
      ConfigKeys.REQUEST_TIMEOUT, "--request-timeout", ConfigKeys.MAX_ATTEMPTS, "--max-attempts");

  private static void put(Map<String, String> options, String key, String value) {
    if (value != null && !value.isBlank()) {
      options.put(key, value);
    }
  }
}
