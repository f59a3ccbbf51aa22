package dev.faxreports.jdbc;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

/**
 * Rows in PostgreSQL's binary {@code COPY} format: a header, then per row its field count and each
 * field as its length and bytes ({@code -1} for null), then a trailer. Nothing is escaped; text is
 * its UTF-8 bytes (the driver's client encoding), {@code json} too, {@code integer} four bytes big
 * endian, {@code timestamptz} microseconds since 2000-01-01 UTC as eight bytes.
 */
final class PgBinaryCopy {

  private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0,
      0, 0, 0, 0, // flags
      0, 0, 0, 0}; // header extension length

  /** Seconds from 1970-01-01 (Java's epoch) to 2000-01-01 (PostgreSQL's). */
  private static final long POSTGRES_EPOCH_SECONDS = 946_684_800L;

  private byte[] buffer;
  private int length;

  PgBinaryCopy(int capacity) {
    buffer = new byte[Math.max(capacity, 64)];
    buffer(HEADER);
  }

  byte[] buffer() {
    return buffer;
  }

  int length() {
    return length;
  }

  /** Ends the data; {@link #buffer()} up to {@link #length()} is then the whole COPY input. */
  PgBinaryCopy finish() {
    int16(-1);
    return this;
  }

  void row(int fields) {
    int16(fields);
  }

  void text(String value) {
    if (value == null) {
      int32(-1);
    } else {
      bytes(value.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** A text or json field from its UTF-8 bytes. */
  void bytes(byte[] value) {
    int32(value.length);
    buffer(value);
  }

  void integer(Integer value) {
    if (value == null) {
      int32(-1);
    } else {
      integer(value.intValue());
    }
  }

  void integer(int value) {
    int32(4);
    int32(value);
  }

  void timestamptz(Instant value) {
    if (value == null) {
      int32(-1);
      return;
    }
    long micros;
    try {
      micros = micros(value);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("the time " + value + " is outside PostgreSQL's timestamp range", e);
    }
    int32(8);
    int64(micros);
  }

  /**
   * Microseconds from 2000-01-01 UTC, floored (as truncating the text form did); the server checks
   * its own range ({@link PostgresDialect#holds}).
   *
   * @throws ArithmeticException when that is past a {@code long}
   */
  static long micros(Instant value) {
    return Math.addExact(Math.multiplyExact(value.getEpochSecond() - POSTGRES_EPOCH_SECONDS, 1_000_000L),
        value.getNano() / 1_000);
  }

  private void int16(int value) {
    ensure(2);
    buffer[length++] = (byte) (value >>> 8);
    buffer[length++] = (byte) value;
  }

  private void int32(int value) {
    ensure(4);
    buffer[length++] = (byte) (value >>> 24);
    buffer[length++] = (byte) (value >>> 16);
    buffer[length++] = (byte) (value >>> 8);
    buffer[length++] = (byte) value;
  }

  private void int64(long value) {
    int32((int) (value >>> 32));
    int32((int) value);
  }

  private void buffer(byte[] value) {
    ensure(value.length);
    System.arraycopy(value, 0, buffer, length, value.length);
    length += value.length;
  }

  private void ensure(int more) {
    if (length + more > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
    }
  }
}
