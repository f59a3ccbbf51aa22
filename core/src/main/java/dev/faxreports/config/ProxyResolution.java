package dev.faxreports.config;

import dev.faxreports.port.ProxySettings;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Which proxy to use when none was configured for this library, in the order the AWS and Azure
 * SDKs use: the {@code HTTPS_PROXY} / {@code https_proxy} environment variable (credentials may be
 * in its user information, percent-encoded) with {@code NO_PROXY} / {@code no_proxy} as the bypass
 * list; else the JVM's {@code https.proxyHost} / {@code https.proxyPort} with {@code
 * http.nonProxyHosts}; else none.
 */
public final class ProxyResolution {
  private ProxyResolution() {}

  /** From this process's environment and system properties. */
  public static Optional<ProxySettings> fromEnvironment() {
    return from(System.getenv(), System.getProperties());
  }

  /** From the given environment variables and system properties. */
  public static Optional<ProxySettings> from(Map<String, String> environment, Properties systemProperties) {
    Optional<String> url = firstSet(environment, "HTTPS_PROXY", "https_proxy");
    if (url.isPresent()) {
      ProxySettings proxy;
      try {
        proxy = ProxySettings.parse(url.get());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("HTTPS_PROXY: " + e.getMessage(), e);
      }
      return Optional.of(proxy.withBypass(noProxy(firstSet(environment, "NO_PROXY", "no_proxy").orElse(""))));
    }
    String host = systemProperties.getProperty("https.proxyHost");
    if (host == null || host.isBlank()) {
      return Optional.empty();
    }
    String port = systemProperties.getProperty("https.proxyPort", "443");
    try {
      return Optional.of(new ProxySettings(host.strip(), Integer.parseInt(port.strip()), null,
          jvmNonProxyHosts(systemProperties.getProperty("http.nonProxyHosts", ""))));
    } catch (IllegalArgumentException e) { // also a port that is not a number
      throw new IllegalArgumentException("https.proxyHost/https.proxyPort: " + e.getMessage(), e);
    }
  }

  /** A {@code NO_PROXY} value: a comma-separated list (spaces allowed). */
  public static List<String> noProxy(String value) {
    return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  /** The JVM's {@code http.nonProxyHosts}: {@code |}-separated, {@code *} at either end. */
  static List<String> jvmNonProxyHosts(String value) {
    return Arrays.stream(value.split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  private static Optional<String> firstSet(Map<String, String> environment, String... names) {
    for (String name : names) {
      String value = environment.get(name);
      if (value != null && !value.isBlank()) {
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }
}
