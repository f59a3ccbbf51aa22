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
      int b = bytes[i] & 0xff;
      if (b < 0xc2) {
        return false; // a continuation byte first, or an overlong two-byte form
      } else if (b < 0xe0) {
        if (i + 1 >= n || !continuation(bytes[i + 1])) {
          return false;
        }
        i += 2;
      } else if (b < 0xf0) {
        if (i + 2 >= n || !continuation(bytes[i + 1]) || !continuation(bytes[i + 2])) {
          return false;
        }
        int second = bytes[i + 1] & 0xff;
        if ((b == 0xe0 && second < 0xa0) || (b == 0xed && second >= 0xa0)) {
          return false; // overlong, or a surrogate
        }
        i += 3;
      } else if (b < 0xf5) {
        if (i + 3 >= n || !continuation(bytes[i + 1]) || !continuation(bytes[i + 2]) || !continuation(bytes[i + 3])) {
          return false;
        }
        int second = bytes[i + 1] & 0xff;
        if ((b == 0xf0 && second < 0x90) || (b == 0xf4 && second >= 0x90)) {
          return false; // overlong, or past U+10FFFF
        }
        i += 4;
      } else {
        return false;
      }
    }
  }

  private static boolean continuation(byte b) {
    return (b & 0xc0) == 0x80;
  }
}
