package dev.faxreports.model;

import java.net.URI;
import java.util.Locale;

/**
 * One Retarus data center, or any base URL that speaks the v1 API (a proxy, a test server).
 *
 * @param name a short name for messages and output, such as {@code DE1}
 * @param baseUri the v1 base URL, such as {@code https://faxws.de1.retarus.com/rest/v1}; stored
 *     without a trailing slash
 */
public record DataCenter(String name, URI baseUri) {

  public static final DataCenter DE1 = retarus("DE1");
  public static final DataCenter DE2 = retarus("DE2");
  public static final DataCenter US1 = retarus("US1");
  public static final DataCenter US2 = retarus("US2");
  public static final DataCenter CH1 = retarus("CH1");
  public static final DataCenter SG1 = retarus("SG1");

  public DataCenter {
    Checks.requireNonBlank(name, "data center name");
    if (baseUri == null) {
      throw new IllegalArgumentException("data center " + name + ": base URL must not be null");
    }
    baseUri = normalize(name, baseUri);
  }

  /** A data center for an explicit endpoint, named after its host and port. */
  public static DataCenter of(URI baseUri) {
    if (baseUri == null || baseUri.getHost() == null) {
      throw new IllegalArgumentException("endpoint must be an absolute URL with a host: " + baseUri);
    }
    String name = baseUri.getPort() < 0 ? baseUri.getHost() : baseUri.getHost() + ":" + baseUri.getPort();
    return new DataCenter(name, baseUri);
  }

  /** Parses an endpoint URL given as text, with a clear error for malformed input. */
  public static DataCenter of(String baseUrl) {
    if (baseUrl == null || baseUrl.isBlank()) {
      throw new IllegalArgumentException("endpoint URL must not be blank");
    }
    try {
      return of(new URI(baseUrl.strip()));
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException("malformed endpoint URL '" + baseUrl + "': " + e.getReason(), e);
    }
  }

  /** Whether requests go over TLS. */
  public boolean isHttps() {
    return "https".equals(baseUri.getScheme());
  }

  /**
   * Whether the host is a loopback address written literally ({@code localhost}, {@code 127.x.x.x},
   * {@code ::1}). No name is resolved: a DNS answer must not decide whether credentials may go out
   * in clear text.
   */
  public boolean isLoopback() {
    String host = baseUri.getHost().toLowerCase(Locale.ROOT);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    return host.equals("localhost")
        || host.matches("127(\\.\\d{1,3}){3}")
        || host.equals("::1")
        || host.equals("0:0:0:0:0:0:0:1");
  }

  @Override
  public String toString() {
    return name + " (" + baseUri + ")";
  }

  private static DataCenter retarus(String name) {
    return new DataCenter(
        name, URI.create("https://faxws." + name.toLowerCase(Locale.ROOT) + ".retarus.com/rest/v1"));
  }

  private static URI normalize(String name, URI uri) {
    String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!"https".equals(scheme) && !"http".equals(scheme)) {
      throw new IllegalArgumentException(
          "data center " + name + ": URL must start with https:// (or http:// for loopback): " + uri);
    }
    if (uri.getHost() == null || uri.getHost().isBlank()) {
      throw new IllegalArgumentException("data center " + name + ": URL has no host: " + uri);
    }
    if (uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException(
          "data center " + name + ": credentials do not belong in the URL; configure them separately");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new IllegalArgumentException(
          "data center " + name + ": URL must not have a query or fragment: " + uri);
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    return URI.create(scheme + "://" + uri.getRawAuthority() + path);
  }
}
