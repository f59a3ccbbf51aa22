package dev.faxreports.jdbc;

/**
 * Whether a report's bytes can be {@code report_json}: text either database keeps unchanged and
 * its JSON functions read. One pass, no decoding: well-formed UTF-8 (a database's text is UTF-8,
 * and altering a byte would not be what the server sent), no NUL byte (neither database keeps one
 * in text), and no deeper than {@link #MAX_DEPTH} arrays and objects inside each other.
 */
final class JsonBytes {

  /**
   * The deepest nesting stored typed. SQLite's JSON functions refuse anything deeper (its
   * JSON_MAX_DEPTH), so one such row would fail every query that reads {@code report_json} as JSON;
   * PostgreSQL's parser recurses and stops at its stack limit (about 20,000 levels at the default
   * {@code max_stack_depth}, fewer on a smaller one). A report is four levels deep.
   */
  static final int MAX_DEPTH = 1000;

  private JsonBytes() {}

  /** Why {@code json} cannot be stored as {@code report_json}, or null when it can. */
  static String problem(byte[] json) {
    int depth = 0;
    boolean inString = false;
    int n = json.length;
    int i = 0;
    while (i < n) {
      byte b = json[i];
      if (b < 0) {
        int length = Utf8.sequence(json, i);
        if (length < 0) {
          return "its JSON is not well-formed UTF-8 (byte " + i + " is 0x" + hex(json[i]) + ")";
        }
        i += length;
        continue;
      }
      if (b == 0) {
        return "its JSON holds a NUL byte (byte " + i + ")";
      }
      if (inString) {
        if (b == '"') {
          inString = false;
        } else if (b == '\\' && i + 1 < n && json[i + 1] > 0) {
          i++; // the escaped character: \" and \\ neither end the string nor escape the next one
        }
      } else if (b == '"') {
        inString = true;
      } else if (b == '[' || b == '{') {
        if (++depth > MAX_DEPTH) {
          return "its JSON nests arrays and objects more than " + MAX_DEPTH + " levels deep";
        }
      } else if (b == ']' || b == '}') {
        depth--;
      }
      i++;
    }
    return null;
  }

  private static String hex(byte b) {
    return String.format("%02X", b & 0xff);
  }
}
