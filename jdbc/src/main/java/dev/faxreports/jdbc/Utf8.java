package dev.faxreports.jdbc;

/**
 * Whether bytes are well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing past
 * U+10FFFF) — what a strict decoder accepts, without decoding into a string.
 */
final class Utf8 {
  private Utf8() {}

  static boolean isValid(byte[] bytes) {
    int i = 0;
    int n = bytes.length;
    while (true) {
      while (i < n && bytes[i] >= 0) {
        i++;
      }
      if (i >= n) {
        return true;
      }
      int length = sequence(bytes, i);
      if (length < 0) {
        return false;
      }
      i += length;
    }
  }

  /**
   * The length of the well-formed multi-byte sequence that starts at {@code i} (whose byte is not
   * ASCII), or -1 if there is none: a continuation byte first, an overlong form, a surrogate,
   * something past U+10FFFF, or a sequence cut short.
   */
  static int sequence(byte[] bytes, int i) {
    int n = bytes.length;
    int b = bytes[i] & 0xff;
    if (b < 0xc2) {
      return -1; // a continuation byte first, or an overlong two-byte form
    } else if (b < 0xe0) {
      return i + 1 < n && continuation(bytes[i + 1]) ? 2 : -1;
    } else if (b < 0xf0) {
      if (i + 2 >= n || !continuation(bytes[i + 1]) || !continuation(bytes[i + 2])) {
        return -1;
      }
      int second = bytes[i + 1] & 0xff;
      return (b == 0xe0 && second < 0xa0) || (b == 0xed && second >= 0xa0) ? -1 : 3; // overlong, or a surrogate
    } else if (b < 0xf5) {
      if (i + 3 >= n || !continuation(bytes[i + 1]) || !continuation(bytes[i + 2]) || !continuation(bytes[i + 3])) {
        return -1;
      }
      int second = bytes[i + 1] & 0xff;
      return (b == 0xf0 && second < 0x90) || (b == 0xf4 && second >= 0x90) ? -1 : 4; // overlong, or past U+10FFFF
    }
    return -1;
  }

  private static boolean continuation(byte b) {
    return (b & 0xc0) == 0x80;
  }
}
