package dev.faxreports.jdbc;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Instants as the text SQLite reads as a UTC timestamp, to microseconds (PostgreSQL's precision,
 * kept alike; the exact value stays in {@code report_json}). PostgreSQL gets binary timestamps
 * ({@link PgBinaryCopy}).
 */
final class Timestamps {
  private static final DateTimeFormatter WIDE_YEARS = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");

  private Timestamps() {}

  /**
   * SQLite has no timestamp type. {@code 2026-11-01 09:00:00.123000}, always UTC, always six
   * fractional digits: the form SQLite's own {@code datetime()} writes (plus microseconds), which
   * its date functions read and which sorts and compares as text in time order. Written by hand: a
   * {@code DateTimeFormatter} cost more than the rest of a recipient row.
   */
  static String sqlite(Instant instant) {
    if (instant == null) {
      return null;
    }
    LocalDateTime time = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
    int year = time.getYear();
    if (year < 0 || year > 9999) {
      // outside four digits: the general formatter's sign and width (u-u-u-u), as before
      return WIDE_YEARS.format(time);
    }
    char[] text = new char[26];
    digits(text, 0, year, 4);
    text[4] = '-';
    digits(text, 5, time.getMonthValue(), 2);
    text[7] = '-';
    digits(text, 8, time.getDayOfMonth(), 2);
    text[10] = ' ';
    digits(text, 11, time.getHour(), 2);
    text[13] = ':';
    digits(text, 14, time.getMinute(), 2);
    text[16] = ':';
    digits(text, 17, time.getSecond(), 2);
    text[19] = '.';
    digits(text, 20, time.getNano() / 1_000, 6);
    return new String(text);
  }

  private static void digits(char[] text, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      text[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }
}
