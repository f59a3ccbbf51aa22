package dev.faxreports.cli;

import dev.faxreports.FaxReports;
import dev.faxreports.cli.command.BulkDeleteCommand;
import dev.faxreports.cli.command.BulkGetCommand;
import dev.faxreports.cli.command.DeleteOldestCommand;
import dev.faxreports.cli.command.DemoCommand;
import dev.faxreports.cli.command.DrainCommand;
import dev.faxreports.cli.command.GetCommand;
import dev.faxreports.cli.command.ListCommand;
import dev.faxreports.cli.watch.WatchCommand;
import dev.faxreports.observe.FaxReportsObserver;
import dev.faxreports.config.ConfigSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** The root command: the options every command shares, given before or after the command. */
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
      DeleteOldestCommand.class, DrainCommand.class, WatchCommand.class, DemoCommand.class,
      picocli.AutoComplete.GenerateCompletion.class
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
public final class FaxReportsCommand implements Runnable {

  @Spec CommandSpec spec;

  /** Accepted before and after the command: see {@link GlobalOptions}. */
  @Mixin GlobalOptions global;

  private final Session session;

  FaxReportsCommand(Session session) {
    this.session = session;
  }

  public Session session() {
    return session;
  }

  /** No command given: a usage error (the handler prints the synopsis). */
  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }

  /**
   * A facade from the options, then the environment; credentials only from the environment. What
   * is missing or refused is said in the tool's terms (its options and variables, see {@link
   * CliSettings}); an endpoint that is no v1 base URL is refused before anything is sent (see
   * {@link ApiBasePath}).
   */
  public FaxReports open(FaxReportsObserver... observers) {
    ConfigSource settings = settings();
    CliSettings.requireComplete(settings);
    FaxReports reports = CliSettings.build(settings, session.environment(), observers);
    try {
      ApiBasePath.require(reports.async().dataCenters());
    } catch (RuntimeException wrongEndpoint) {
      reports.close();
      throw wrongEndpoint;
    }
    return reports;
  }

  /** Options, then the environment, then the tool's defaults. */
  ConfigSource settings() {
    return options().or(CliSettings.environment(session.environment())).or(DEFAULTS);
  }

  /** The settings given as options, each naming its option in an error. */
  public ConfigSource options() {
    return global.source();
  }

  /** What applies when neither an option nor the environment says otherwise. */
  public static final ConfigSource DEFAULTS = CliSettings.DEFAULTS;

  /** The transport an option chose, or null. */
  public String transportOption() {
    return global.transport;
  }
}
