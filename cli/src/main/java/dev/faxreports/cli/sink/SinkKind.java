package dev.faxreports.cli.sink;

import dev.faxreports.error.InvalidArgumentException;
import java.util.Map;
import picocli.CommandLine.Model.OptionSpec;

/**
 * One kind of place a drain stores into, chosen by an option of its own ({@code --out FILE},
 * {@code --jdbc URL}). Adding a sink is implementing this and listing it in {@link SinkKinds}:
 * {@code drain} and {@code watch} then offer its option (one of the sinks' options is required,
 * two are refused), open what it names, and warn of a password in its value.
 */
public interface SinkKind {

  /**
   * The option that chooses this sink, as help, the man page and the completion script show it:
   * its name, value label, type (a {@code Path} completes as a file name) and description. Built
   * anew for each command that offers it.
   */
  OptionSpec option();

  /**
   * The sink {@code given} (this kind's option, as parsed) names, checked before anything is sent
   * or opened.
   *
   * @param given this kind's option, matched on the command line: {@code given.getValue()} is its value
   * @param environment the tool's environment, for credentials that stay out of the value
   * @throws InvalidArgumentException for a value that names nothing this sink can store into (exit 2)
   */
  ChosenSink choose(OptionSpec given, Map<String, String> environment);

  /**
   * The environment variable that keeps a password out of this option's value, which every user of
   * the machine can read in the process list; null for an option whose value carries none. A value
   * that carries one is warned of, naming this variable.
   */
  default String passwordVariable() {
    return null;
  }
}
