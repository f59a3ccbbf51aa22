package dev.faxreports.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one way durations are written, wherever one is taken — builder configuration, properties,
 * environment, the command line, the Kafka connector: as people write them ({@code 500ms}, {@code
 * 30s}, {@code 5m}, {@code 1h}, {@code 1d}) or in ISO-8601 ({@code PT30S}), in any case.
 */
public final class Durations {

  /** How a duration may be written, for messages and help texts. */
  public static final String EXAMPLES = "500ms, 30s, 5m, 1h, 1d or ISO-8601 PT30S";

  private static final Pattern AMOUNT_AND_UNIT = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");

  private Durations() {}

  /**
   * {@code text} as a duration.
   *
   * @throws IllegalArgumentException if it is written in neither form; the message quotes no input
   */
  public static Duration parse(String text) {
    String written = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    Matcher matcher = AMOUNT_AND_UNIT.matcher(written);
    if (matcher.matches()) {
      long amount = Long.parseLong(matcher.group(1));
      return switch (matcher.group(2)) {
        case "ms" -> Duration.ofMillis(amount);
        case "s" -> Duration.ofSeconds(amount);
        case "m" -> Duration.ofMinutes(amount);
        case "h" -> Duration.ofHours(amount);
        default -> Duration.ofDays(amount);
      };
    }
    try {
      return Duration.parse(written.toUpperCase(Locale.ROOT));
    } catch (DateTimeParseException notIso) {
      throw new IllegalArgumentException("not a duration: write e.g. " + EXAMPLES);
    }
  }

  /** {@code duration} as people write it: {@code 30s}, {@code 5m}, {@code 1h}, {@code 1500ms}. */
  public static String describe(Duration duration) {
    long millis = duration.toMillis();
    if (millis % 1000 != 0) {
      return millis + "ms";
    }
    long seconds = millis / 1000;
    if (seconds != 0 && seconds % 86_400 == 0) {
      return seconds / 86_400 + "d";
    }
    if (seconds != 0 && seconds % 3600 == 0) {
      return seconds / 3600 + "h";
    }
    return seconds != 0 && seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
  }
}
