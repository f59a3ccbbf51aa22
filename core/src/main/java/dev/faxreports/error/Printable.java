package dev.faxreports.error;

/**
 * Text made safe to print on a terminal or in a log line. A server's error message, a
 * {@code Location} header or a job ID is foreign text: raw, an ESC sequence could clear the
 * screen or recolour it, a carriage return or newline could forge a line such as an "all good"
 * summary, and bidirectional controls could reorder what a person reads. Every such character is
 * replaced by a visible escape ({@code \n}, {@code \r}, {@code \t}, otherwise {@code \}{@code
 * uXXXX}); everything else, accented letters included, is kept as it is.
 */
public final class Printable {
  private Printable() {}

  /** {@code text} with every character that {@link #isUnsafe} escaped; {@code null} stays null. */
  public static String escape(String text) {
    if (text == null || text.codePoints().noneMatch(Printable::isUnsafe)) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    text.codePoints().forEach(c -> {
      if (!isUnsafe(c)) {
        out.appendCodePoint(c);
      } else if (c == '\n') {
        out.append("\\n");
      } else if (c == '\r') {
        out.append("\\r");
      } else if (c == '\t') {
        out.append("\\t");
      } else {
        out.append(String.format("\\u%04X", c));
      }
    });
    return out.toString();
  }

  /**
   * Whether a terminal or a log reader could be misled by this character: C0 controls (ESC, CR,
   * LF and TAB among them), DEL, C1 controls (CSI U+009B starts an escape sequence on its own),
   * the Unicode line and paragraph separators, the bidirectional formatting controls, and lone
   * surrogates (half a character).
   */
  public static boolean isUnsafe(int c) {
    return c < 0x20
        || (c >= 0x7F && c <= 0x9F)
        || c == 0x2028 || c == 0x2029 // line and paragraph separator
        || c == 0x061C || c == 0x200E || c == 0x200F // arabic letter mark, LRM, RLM
        || (c >= 0x202A && c <= 0x202E) // LRE, RLE, PDF, LRO, RLO
        || (c >= 0x2066 && c <= 0x2069) // LRI, RLI, FSI, PDI
        || (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE);
  }
}
