package dev.faxreports.cli;

import dev.faxreports.error.Printable;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;

/**
 * {@code java -jar faxreports.jar [options] COMMAND}: see {@code --help}. Exit codes: 0 success, 1
 * partial, 2 usage, 3 authentication, 4 not found, 5 other failure.
 */
public final class FaxReportsCli {
  private FaxReportsCli() {}

  public static void main(String[] args) {
    System.exit(run(args, System.getenv(), System.out, System.err, System.console() != null));
  }

  /** Runs one command; everything it reads or writes outside the files it is given comes in here. */
  static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err,
      boolean interactive) {
    Session session = new Session(environment, out, err, interactive);
    CommandLine commandLine = new CommandLine(new FaxReportsCommand(session));
    commandLine.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
    commandLine.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
    commandLine.setExecutionExceptionHandler((failure, command, parsed) -> {
      session.say(ExitCodes.describe(failure));
      int exit = ExitCodes.of(failure);
      if (exit == ExitCodes.USAGE) {
        command.getErr().println(helpHint(command));
      }
      return exit;
    });
    commandLine.setParameterExceptionHandler((problem, arguments) -> {
      CommandLine command = problem.getCommandLine();
      PrintWriter errors = command.getErr();
      // It quotes the arguments, and a database URL among them may carry a password.
      errors.println("faxreports: " + Printable.escape(ArgumentSecrets.masked(problem.getMessage(), arguments)));
      CommandLine.UnmatchedArgumentException.printSuggestions(problem, errors);
      errors.print(command.getHelp().fullSynopsis());
      errors.println(helpHint(command));
      return ExitCodes.USAGE;
    });
    commandLine.setExecutionStrategy(parsed -> {
      warnOfSecretsInArguments(parsed, session);
      return new CommandLine.RunLast().execute(parsed);
    });
    return commandLine.execute(args);
  }

  /** Once per option: a password on the command line is in the process list for every user. */
  private static void warnOfSecretsInArguments(CommandLine.ParseResult parsed, Session session) {
    Set<String> warned = new HashSet<>();
    for (CommandLine.ParseResult level = parsed; level != null; level = level.subcommand()) {
      for (String option : ArgumentSecrets.PASSWORD_VARIABLES.keySet()) {
        String warning = ArgumentSecrets.warningFor(option, level.matchedOptionValue(option, null));
        if (warning != null && warned.add(option)) {
          session.say(warning);
        }
      }
    }
  }

  private static String helpHint(CommandLine command) {
    return "Run 'faxreports " + (command.getParent() == null ? "" : command.getCommandName() + " ")
        + "--help' for usage.";
  }
}
