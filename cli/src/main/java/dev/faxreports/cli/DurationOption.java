package dev.faxreports.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A positive duration as people write it: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h},
 * {@code 1d}, or ISO-8601 {@code PT30S}.
 */
final class DurationOption implements ITypeConverter<Duration> {

  private static final Duration SHORTEST = Duration.ofMillis(1);
  private static final Duration LONGEST = Duration.ofDays(365);
  private static final Pattern AMOUNT_AND_UNIT = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");

  @Override
  public Duration convert(String value) {
    String text = value.strip().toLowerCase(Locale.ROOT);
    Duration duration = parse(text);
    if (duration == null || duration.isZero() || duration.isNegative()) {
      throw new TypeConversionException("'" + value + "' is no positive duration; write e.g. 30s, 5m, 1h or PT30S");
    }
    // Below a millisecond a wait is none at all, and beyond a year one is a mistake (and the time
    // it ends would overflow a clock's arithmetic).
    if (duration.compareTo(SHORTEST) < 0 || duration.compareTo(LONGEST) > 0) {
      throw new TypeConversionException("'" + value + "' is out of range: from 1ms to 365d");
    }
    return duration;
  }

  private static Duration parse(String text) {
    Matcher matcher = AMOUNT_AND_UNIT.matcher(text);
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
      return Duration.parse(text.toUpperCase(Locale.ROOT));
    } catch (DateTimeParseException notIso) {
      return null;
    }
  }

  /** {@code duration} as it would be written: {@code 30s}, {@code 5m}, {@code 1h}, {@code 1500ms}. */
  static String describe(Duration duration) {
    long millis = duration.toMillis();
    if (millis % 1000 != 0) {
      return millis + "ms";
    }
    long seconds = millis / 1000;
    if (seconds % 3600 == 0) {
      return seconds / 3600 + "h";
    }
    return seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
  }
}
