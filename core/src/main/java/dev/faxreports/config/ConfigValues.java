package dev.faxreports.config;

import dev.faxreports.error.InvalidArgumentException;
import dev.faxreports.model.UserInfo;
import java.time.Duration;
import java.util.Locale;

/** Typed readings of configured text; each error names the key and where the value came from. */
public final class ConfigValues {
  private ConfigValues() {}

  /** A positive duration, written as {@link Durations} reads it: {@code 30s} or {@code PT30S}. */
  public static Duration duration(ConfigValue value) {
    Duration duration;
    try {
      duration = Durations.parse(value.value());
    } catch (IllegalArgumentException e) {
      throw invalid(value, "is not a duration such as " + Durations.EXAMPLES);
    }
    if (duration.isZero() || duration.isNegative()) {
      throw invalid(value, "must be a positive duration");
    }
    return duration;
  }

  /** A whole number of at least {@code minimum}. */
  public static int integer(ConfigValue value, int minimum) {
    try {
      int number = Integer.parseInt(value.value());
      if (number < minimum) {
        throw invalid(value, "must be at least " + minimum);
      }
      return number;
    } catch (NumberFormatException e) {
      throw invalid(value, "is not a whole number");
    }
  }

  /** A whole number of at least {@code minimum}, as large as a {@code long} allows. */
  public static long longInteger(ConfigValue value, long minimum) {
    try {
      long number = Long.parseLong(value.value());
      if (number < minimum) {
        throw invalid(value, "must be at least " + minimum);
      }
      return number;
    } catch (NumberFormatException e) {
      throw invalid(value, "is not a whole number");
    }
  }

  /** {@code true} or {@code false}, in any case. */
  public static boolean bool(ConfigValue value) {
    return switch (value.value().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw invalid(value, "must be true or false");
    };
  }

  /**
   * An error that names the key, its origin and the value — except a secret ({@link
   * Settings#isSecret}), and except the user
   * information of endpoint and proxy URLs ({@code https://user:password@host/…} is refused, and
   * must not be printed while being refused).
   */
  public static InvalidArgumentException invalid(ConfigValue value, String problem) {
    String shown = Settings.isSecret(value.key()) ? ""
        : " '" + (value.key().equals(ConfigKeys.ENDPOINTS) || value.key().equals(ConfigKeys.PROXY) ? UserInfo.redacted(value.value()) : value.value()) + "'";
    return new InvalidArgumentException(
        value.key() + " (" + value.origin() + ")" + shown + ": " + problem);
  }
}
