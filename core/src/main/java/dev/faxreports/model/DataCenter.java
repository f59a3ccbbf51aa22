package dev.faxreports.model;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
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
      throw new IllegalArgumentException("endpoint must be an absolute URL with a host: " + shown(baseUri));
    }
    String name = baseUri.getPort() < 0 ? baseUri.getHost() : baseUri.getHost() + ":" + baseUri.getPort();
    return new DataCenter(name, baseUri);
  }

  /**
   * Parses an endpoint given as text: a URL, or {@code NAME=URL} to name the data center (such as
   * {@code DE1=http://127.0.0.1:8080/rest/v1}). A Retarus data-center URL is named after its data
   * center; any other URL after its host and port. Malformed input is a clear error.
   */
  public static DataCenter of(String endpoint) {
    if (endpoint == null || endpoint.isBlank()) {
      throw new IllegalArgumentException("endpoint URL must not be blank");
    }
    String text = endpoint.strip();
    int equals = text.indexOf('=');
    String name = null;
    if (equals > 0 && text.substring(0, equals).matches("[A-Za-z0-9_.-]+")) {
      name = text.substring(0, equals);
      text = text.substring(equals + 1).strip();
    }
    URI uri;
    try {
      uri = new URI(text);
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException("malformed endpoint URL '" + UserInfo.redacted(text) + "': " + e.getReason(), e);
    }
    if (name != null) {
      return new DataCenter(name, uri);
    }
    DataCenter unnamed = of(uri);
    for (DataCenter known : List.of(DE1, DE2, US1, US2, CH1, SG1)) {
      if (known.baseUri.equals(unnamed.baseUri)) {
        return known;
      }
    }
    return unnamed;
  }

  /**
   * The one rule for a list of endpoints, wherever it is given (builder, properties, environment,
   * command line, connector): each is read by {@link #of(String)}, blanks are skipped, the same
   * data center given twice counts once, and two different URLs under one name are refused —
   * their reports could not be told apart.
   *
   * @throws IllegalArgumentException naming the endpoint that is wrong, or when none is given
   */
  public static List<DataCenter> ofAll(Collection<String> endpoints) {
    List<DataCenter> dataCenters = new ArrayList<>();
    for (String endpoint : endpoints) {
      if (endpoint != null && !endpoint.isBlank()) {
        dataCenters.add(of(endpoint));
      }
    }
    if (dataCenters.isEmpty()) {
      throw new IllegalArgumentException("names no endpoint");
    }
    return distinct(dataCenters);
  }

  /**
   * {@code dataCenters} with repeats dropped, in their order; refused when two different URLs share
   * a name (see {@link #ofAll}).
   */
  public static List<DataCenter> distinct(Collection<DataCenter> dataCenters) {
    LinkedHashSet<DataCenter> distinct = new LinkedHashSet<>(dataCenters);
    if (distinct.stream().map(DataCenter::name).distinct().count() < distinct.size()) {
      throw new IllegalArgumentException("two data centers share a name: " + distinct + "; name them NAME=URL");
    }
    return List.copyOf(distinct);
  }

  /** Whether requests go over TLS. */
  public boolean isHttps() {
    return "https".equals(baseUri.getScheme());
  }

  /**
   * Whether the host is loopback, by {@link #isLoopbackHost(String)}: plain {@code http://} is
   * allowed there, and no proxy is ever used for it.
   */
  public boolean isLoopback() {
    return isLoopbackHost(baseUri.getHost());
  }

  /**
   * The one rule for "this machine": the name {@code localhost} (with or without a trailing dot),
   * an IPv4 address in {@code 127.0.0.0/8}, or the IPv6 address {@code ::1} in any spelling ({@code
   * [::1]}, {@code 0:0:0:0:0:0:0:1}). No name is resolved: a DNS answer must not decide whether
   * credentials may go out in clear text or bypass a proxy.
   */
  public static boolean isLoopbackHost(String host) {
    if (host == null) {
      return false;
    }
    String h = host.strip().toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    if (h.equals("localhost") || h.equals("localhost.") || h.matches("127(\\.\\d{1,3}){3}")) {
      return true;
    }
    if (!h.contains(":") || !h.matches("[0-9a-f:]+")) {
      return false;
    }
    try {
      return java.net.InetAddress.getByName(h).isLoopbackAddress(); // an IPv6 literal: never a lookup
    } catch (java.net.UnknownHostException notAnAddress) {
      return false;
    }
  }

  @Override
  public String toString() {
    return name + " (" + baseUri + ")";
  }

  private static DataCenter retarus(String name) {
    return new DataCenter(
        name, URI.create("https://faxws." + name.toLowerCase(Locale.ROOT) + ".retarus.com/rest/v1"));
  }

  /** A URL for a message: never with its user information, which may be a password. */
  private static String shown(URI uri) {
    return uri == null ? "null" : UserInfo.redacted(uri.toString());
  }

  private static URI normalize(String name, URI uri) {
    String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!"https".equals(scheme) && !"http".equals(scheme)) {
      throw new IllegalArgumentException(
          "data center " + name + ": URL must start with https:// (or http:// for loopback): " + shown(uri));
    }
    if (uri.getHost() == null || uri.getHost().isBlank()) {
      throw new IllegalArgumentException("data center " + name + ": URL has no host: " + shown(uri));
    }
    if (uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException(
          "data center " + name + ": credentials do not belong in the URL; configure them separately");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new IllegalArgumentException(
          "data center " + name + ": URL must not have a query or fragment: " + shown(uri));
    }
    if (uri.getPort() == 0 || uri.getPort() > 65_535) { // java.net.URI takes any digits
      throw new IllegalArgumentException("data center " + name + ": port " + uri.getPort()
          + " is out of range (1 to 65535): " + shown(uri));
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    return URI.create(scheme + "://" + uri.getRawAuthority() + path);
  }
}
