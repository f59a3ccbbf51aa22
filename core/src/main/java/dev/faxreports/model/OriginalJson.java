package dev.faxreports.model;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The bytes of one report exactly as the server sent them, from its opening {@code {} to its
 * closing {@code }}. An archive stores these: the service deletes its copy once a drain has
 * acknowledged the report, so whatever the typed view could not express (a field added after
 * this library was written, a {@code null} where a number was expected) must survive here.
 *
 * <p>Immutable: the bytes are copied in and handed out only as a copy. Equal when the bytes are
 * equal.
 */
public final class OriginalJson {

  private final byte[] bytes;

  private OriginalJson(byte[] bytes) {
    this.bytes = bytes;
  }

  /** A copy of {@code bytes}, which must be a JSON value (not checked here). */
  public static OriginalJson of(byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      throw new IllegalArgumentException("original JSON must not be empty");
    }
    return new OriginalJson(bytes.clone());
  }

  /** The bytes {@code from} (inclusive) to {@code to} (exclusive) of a larger body, copied. */
  public static OriginalJson of(byte[] body, int from, int to) {
    if (from < 0 || to > body.length || from >= to) {
      throw new IllegalArgumentException("no JSON between " + from + " and " + to);
    }
    return new OriginalJson(Arrays.copyOfRange(body, from, to));
  }

  /** The JSON as UTF-8 text, as the API sends it. */
  public static OriginalJson of(String json) {
    return of(json.getBytes(StandardCharsets.UTF_8));
  }

  /** A copy of the bytes. */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** The bytes decoded as UTF-8, the API's encoding. */
  public String text() {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  public int length() {
    return bytes.length;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof OriginalJson that && Arrays.equals(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  /** The size only: reports carry personal data, and a log line should not. */
  @Override
  public String toString() {
    return "OriginalJson[" + bytes.length + " bytes]";
  }
}
