package dev.faxreports.port;

import dev.faxreports.model.Credentials;
import dev.faxreports.model.UserInfo;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * An HTTP forward proxy that every request goes through, HTTPS tunnelled with {@code CONNECT}.
 * {@link #toString()} redacts the password.
 *
 * @param host the proxy's host name or address
 * @param port the proxy's port
 * @param credentials Basic credentials for the proxy, or {@code null} when it needs none
 * @param bypass hosts reached directly, in {@code NO_PROXY} style: {@code example.com} and {@code
 *     .example.com} both match that domain and its subdomains, {@code *} matches every host; see
 *     {@link #bypasses(String)}
 */
public record ProxySettings(String host, int port, Credentials credentials, List<String> bypass) {

  public ProxySettings {
    if (host == null || host.isBlank() || host.contains("/") || host.contains("@")) {
      throw new IllegalArgumentException("a proxy needs a host name, was " + host);
    }
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("a proxy port is 1 to 65535, was " + port);
    }
    bypass = bypass == null ? List.of() : bypass.stream()
        .map(ProxySettings::normalize).filter(pattern -> !pattern.isEmpty()).distinct().toList();
  }

  /**
   * Reads {@code http://[user[:password]@]host[:port]} as {@code HTTPS_PROXY} has it: credentials
   * percent-decoded, port 80 when absent, a trailing {@code /} allowed. No bypass list.
   *
   * @throws IllegalArgumentException for anything else; the message never shows the password
   */
  public static ProxySettings parse(String url) {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("the proxy URL is empty");
    }
    String text = url.strip();
    if (!text.contains("://")) {
      text = "http://" + text; // "proxy.example.com:3128", as curl and most tools accept it
    }
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("the proxy URL " + UserInfo.redacted(text) + " is not a URL");
    }
    if (!"http".equalsIgnoreCase(uri.getScheme())) {
      throw new IllegalArgumentException("the proxy URL " + UserInfo.redacted(text)
          + " must start with http:// (an HTTP forward proxy; HTTPS is tunnelled through it)");
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("the proxy URL " + UserInfo.redacted(text) + " has no host");
    }
    if (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/")
        || uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new IllegalArgumentException("the proxy URL " + UserInfo.redacted(text) + " must be just http://host:port");
    }
    int port = uri.getPort() == -1 ? 80 : uri.getPort();
    String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1) : uri.getHost();
    return new ProxySettings(host, port, credentials(uri.getRawUserInfo()), List.of());
  }

  /** These settings with {@code credentials} instead. */
  public ProxySettings withCredentials(Credentials newCredentials) {
    return new ProxySettings(host, port, newCredentials, bypass);
  }

  /** These settings with {@code patterns} as the bypass list. */
  public ProxySettings withBypass(List<String> patterns) {
    return new ProxySettings(host, port, credentials, patterns);
  }

  /** {@code http://host:port}, never with credentials. */
  public URI uri() {
    return URI.create("http://" + (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port);
  }

  /**
   * Whether {@code targetHost} is reached directly, by {@code NO_PROXY} rules as curl (7.86 and
   * later) has them. A name pattern matches the name itself and every subdomain: {@code example.com}
   * and {@code .example.com} match {@code example.com} and {@code faxws.example.com}. An address
   * matches only itself, never as a suffix ({@code 2.2} does not match {@code 192.0.2.2}), and a
   * CIDR block ({@code 10.0.0.0/8}, {@code fd00::/8}) matches the addresses in it; a pattern ending
   * in {@code *} (the JVM's {@code 192.168.*}) matches by prefix, and {@code *} matches everything.
   * Case does not matter; a port in a pattern is ignored; no name is resolved.
   */
  public boolean bypasses(String targetHost) {
    String target = normalize(targetHost);
    boolean targetIsAddress = IpLiteral.parse(target) != null;
    for (String pattern : bypass) {
      if (pattern.equals("*") || target.equals(pattern)
          || pattern.endsWith("*") && target.startsWith(pattern.substring(0, pattern.length() - 1))
          || (targetIsAddress ? IpLiteral.inBlock(target, pattern)
              : IpLiteral.parse(pattern) == null && target.endsWith("." + pattern))) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return "ProxySettings[" + uri() + (credentials == null ? "" : ", " + credentials)
        + (bypass.isEmpty() ? "" : ", bypass=" + bypass) + "]";
  }

  /** {@code .Example.COM:8080} → {@code example.com}; {@code *.example.com} → {@code example.com}. */
  private static String normalize(String pattern) {
    String p = pattern == null ? "" : pattern.strip().toLowerCase(Locale.ROOT);
    if (p.equals("*")) {
      return p;
    }
    if (p.startsWith("*.")) {
      p = p.substring(2);
    }
    while (p.startsWith(".")) {
      p = p.substring(1);
    }
    if (p.startsWith("[") && p.contains("]")) {
      return p.substring(1, p.indexOf(']')); // [::1]:8080
    }
    int colon = p.indexOf(':');
    if (colon >= 0 && colon == p.lastIndexOf(':')) {
      p = p.substring(0, colon); // host:port; an IPv6 address has several colons
    }
    return p;
  }

  private static Credentials credentials(String rawUserInfo) {
    if (rawUserInfo == null || rawUserInfo.isEmpty()) {
      return null;
    }
    int colon = rawUserInfo.indexOf(':');
    String user = decode(colon < 0 ? rawUserInfo : rawUserInfo.substring(0, colon));
    String password = colon < 0 ? "" : decode(rawUserInfo.substring(colon + 1));
    if (password.isEmpty()) {
      throw new IllegalArgumentException("the proxy URL names user " + user + " but no password");
    }
    return new Credentials(user, password);
  }

  private static String decode(String text) {
    return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
