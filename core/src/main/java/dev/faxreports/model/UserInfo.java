package dev.faxreports.model;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one masking function for secrets in URLs and in what a user typed as one: endpoints, proxy
 * URLs, JDBC URLs, command-line arguments, and the messages that quote them. It lives here, in the
 * package every other depends on, so that {@link DataCenter}, the configuration, the database sink
 * and the tools all use it without a package cycle.
 */
public final class UserInfo {
  private UserInfo() {}

  /** What replaces a secret. */
  public static final String MASK = "****";

  /** Parameters whose value is a secret, by a part of their name, in any case ({@code ;PASSWORD=}). */
  private static final Pattern SECRET_PARAMETER =
      Pattern.compile("(?i)([?&;][^=&;?]*(?:password|passwd|pwd|secret|token)[^=&;?]*=)[^&;]*");

  /**
   * {@code text} with every secret a URL can carry masked by {@link #MASK}:
   *
   * <ul>
   *   <li>the user information: everything between {@code ://} (or the start, when there is no
   *       scheme) and the last {@code @} — except in a JDBC URL without {@code ://}, where an
   *       {@code @} is part of a file name ({@code jdbc:sqlite:/data/a@b.db});
   *   <li>without an {@code @}, an authority whose "port" is no number ({@code http://user:secret},
   *       a URL whose host was forgotten): all of it;
   *   <li>the value of every parameter named like a password ({@code ?password=}, {@code ;pwd=},
   *       {@code &token=}).
   * </ul>
   *
   * It works on the text, not on a parsed URI, so a malformed URL, a password with a {@code /} or
   * {@code @} in it, or a comma-separated list is covered too; it masks generously — better a host
   * hidden in an error message than a password shown.
   */
  public static String redacted(String text) {
    if (text == null) {
      return null;
    }
    return redactedParameters(withoutUserInfo(text));
  }

  /**
   * Only the values of password-like parameters masked: for a text whose {@code @} may be part of
   * a path ({@code jdbc:sqlite:/data/a@b.db}) rather than user information.
   */
  public static String redactedParameters(String text) {
    return text == null ? null
        : SECRET_PARAMETER.matcher(text).replaceAll(match -> Matcher.quoteReplacement(match.group(1) + MASK));
  }

  /** Whether {@code text} carries anything {@link #redacted} would mask. */
  public static boolean carriesSecret(String text) {
    return text != null && !redacted(text).equals(text);
  }

  /** The values of the password-like parameters in {@code url}, to scrub them from others' messages. */
  public static List<String> secretParameterValues(String url) {
    List<String> values = new ArrayList<>();
    Matcher secret = SECRET_PARAMETER.matcher(url);
    while (secret.find()) {
      String value = url.substring(secret.end(1), secret.end());
      if (!value.isEmpty()) {
        values.add(value);
      }
    }
    return values;
  }

  private static String withoutUserInfo(String text) {
    int scheme = text.indexOf("://");
    int start = scheme < 0 ? 0 : scheme + 3;
    if (scheme < 0 && text.contains("jdbc:")) {
      return text; // jdbc:sqlite:/data/a@b.db: the @ belongs to a file name, not to user information
    }
    int at = text.lastIndexOf('@');
    if (at >= start) {
      return text.substring(0, start) + MASK + text.substring(at);
    }
    if (scheme < 0) {
      return text;
    }
    int end = start;
    while (end < text.length() && "/?#,".indexOf(text.charAt(end)) < 0) {
      end++;
    }
    String authority = text.substring(start, end);
    int colon = authority.lastIndexOf(':');
    boolean secretAfterColon = !authority.startsWith("[") && colon >= 0
        && !authority.substring(colon + 1).matches("\\d*");
    return secretAfterColon ? text.substring(0, start) + MASK + text.substring(end) : text;
  }
}
