package dev.faxreports.cli;

import dev.faxreports.cli.sink.SinkKinds;
import dev.faxreports.model.UserInfo;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Secrets typed on the command line. Usage errors quote the arguments they are about (picocli's
 * "Unknown option: '--proxxy=…'", "Unmatched argument …", "expected only one match but got
 * --jdbc=…"), and any argument may carry a password — a misspelt option, a stray URL: every usage
 * error passes every argument, whole and as the value after its {@code =}, through the one masking
 * function ({@link UserInfo#redacted}) before it is printed.
 */
final class ArgumentSecrets {
  private ArgumentSecrets() {}

  /**
   * Each option whose URL may carry a password, with the variable that keeps the password out of
   * sight: the proxy's, then each sink's that takes one ({@link SinkKinds#passwordVariables}).
   */
  static final Map<String, String> PASSWORD_VARIABLES = passwordVariables();

  private static Map<String, String> passwordVariables() {
    Map<String, String> variables = new LinkedHashMap<>();
    variables.put("--proxy", "RETARUS_PROXY_PASSWORD");
    variables.putAll(SinkKinds.passwordVariables());
    return Collections.unmodifiableMap(variables); // in this order: warnings come in it
  }

  static String masked(String message, String[] arguments) {
    String masked = message;
    for (String argument : arguments) {
      masked = maskedIn(masked, argument);
      int equals = argument.indexOf('=');
      if (equals > 0) {
        masked = maskedIn(masked, argument.substring(equals + 1));
      }
    }
    return masked;
  }

  /**
   * A warning for a password given as an argument, where every user of the machine can read it
   * ({@code ps}), naming the variable that keeps it out of sight; null when there is none.
   */
  static String warningFor(String option, String value) {
    if (value == null || !UserInfo.carriesSecret(value)) {
      return null;
    }
    String variable = PASSWORD_VARIABLES.get(option);
    return "warning: the " + option + " URL carries credentials, which every user of this machine can read"
        + " in the process list; give the password in " + variable + " instead";
  }

  private static String maskedIn(String message, String argument) {
    if (argument.isEmpty()) {
      return message;
    }
    String shown = UserInfo.redacted(argument);
    return shown.equals(argument) ? message : message.replace(argument, shown);
  }
}
