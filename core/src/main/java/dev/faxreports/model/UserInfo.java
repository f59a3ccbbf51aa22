package dev.faxreports.model;

/**
 * Hides the user information ({@code user:password@}) of a URL before the URL goes into a message.
 * An endpoint is refused when it carries credentials, and the message that refuses it must not
 * print them. It lives here, in the package every other depends on, so that {@link DataCenter},
 * the configuration and the tools can all use it without a package cycle.
 */
public final class UserInfo {
  private UserInfo() {}

  /** What replaces the user information. */
  public static final String MASK = "****";

  /**
   * {@code text} (a URL, a list of them or what a user typed as one) with everything between
   * {@code ://} (or the start, when there is no scheme) and the last {@code @} replaced by {@link
   * #MASK}. It works on the text, not on a parsed URI, so a malformed URL, a password with a
   * {@code /} or {@code @} in it, or a comma-separated list is covered too; it masks generously —
   * better a host hidden in an error message than a password shown.
   */
  public static String redacted(String text) {
    if (text == null) {
      return null;
    }
    int scheme = text.indexOf("://");
    int start = scheme < 0 ? 0 : scheme + 3;
    int at = text.lastIndexOf('@');
    if (at < start) {
      return text;
    }
    return text.substring(0, start) + MASK + text.substring(at);
  }
}
