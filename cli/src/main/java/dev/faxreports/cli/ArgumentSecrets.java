package dev.faxreports.cli;

import dev.faxreports.jdbc.JdbcSettings;

/**
 * Usage errors quote the arguments they are about (picocli's "expected only one match but got
 * --jdbc=…", "Unmatched argument …"), and a database URL argument may carry a password: every
 * such URL is masked in the message before it is printed.
 */
final class ArgumentSecrets {
  private ArgumentSecrets() {}

  static String masked(String message, String[] arguments) {
    String masked = message;
    for (String argument : arguments) {
      int url = argument.indexOf("jdbc:");
      if (url >= 0) {
        String secretBearing = argument.substring(url);
        masked = masked.replace(secretBearing, JdbcSettings.redacted(secretBearing));
      }
    }
    return masked;
  }
}
