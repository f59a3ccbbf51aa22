package dev.faxreports.cli;

import dev.faxreports.config.Durations;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A positive duration option, read as everywhere else ({@link Durations}: {@code 500ms}, {@code
 * 30s}, {@code 5m}, {@code 1h}, {@code 1d}, or ISO-8601 {@code PT30S}), from 1 ms to 365 days.
 */
public final class DurationOption implements ITypeConverter<Duration> {

  private static final Duration SHORTEST = Duration.ofMillis(1);
  private static final Duration LONGEST = Duration.ofDays(365);

  @Override
  public Duration convert(String value) {
    Duration duration;
    try {
      duration = Durations.parse(value);
    } catch (IllegalArgumentException notADuration) {
      duration = null;
    }
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

  /** {@code duration} as it would be written: {@code 30s}, {@code 5m}, {@code 1h}, {@code 1500ms}. */
  public static String describe(Duration duration) {
    return Durations.describe(duration);
  }
}
