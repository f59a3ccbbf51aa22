package dev.faxreports.jdbc;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Instants as the text each database reads as a UTC timestamp, to microseconds (PostgreSQL's
 * precision; the exact value stays in {@code report_json}).
 */
final class Timestamps {
  private Timestamps() {}

  /**
   * SQLite has no timestamp type. {@code 2026-11-01 09:00:00.123000}, always UTC, always six
   * fractional digits: the form SQLite's own {@code datetime()} writes (plus microseconds), which
   * its date functions read and which sorts and compares as text in time order.
   */
  private static final DateTimeFormatter SQLITE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);

  static String sqlite(Instant instant) {
    return instant == null ? null : SQLITE.format(instant);
  }

  /** ISO 8601 with {@code Z}, which PostgreSQL reads into {@code timestamptz}. */
  static String postgresql(Instant instant) {
    return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS).toString();
  }
}
