package dev.faxreports.cli;

import dev.faxreports.config.ConfigKeys;
import dev.faxreports.config.ConfigSource;
import dev.faxreports.config.ConfigValue;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The proxy the tool's environment names, as the library's keys, so that the tool decides from
 * the environment it was given (the library alone would read the process's): {@code HTTPS_PROXY}
 * / {@code https_proxy} with {@code NO_PROXY} / {@code no_proxy}, else the JVM's {@code
 * https.proxyHost} / {@code https.proxyPort} with {@code http.nonProxyHosts}, else none. Options
 * ({@code --proxy}, {@code --no-proxy}) and {@code RETARUS_FAX_*} variables come first.
 */
final class ProxyEnvironment {
  private ProxyEnvironment() {}

  static ConfigSource of(Map<String, String> variables, Properties system) {
    return key -> {
      if (key.equals(ConfigKeys.PROXY)) {
        return setting(variables, key, "HTTPS_PROXY", "https_proxy").or(() -> jvmProxy(system))
            .or(() -> Optional.of(new ConfigValue(key, "none", "no proxy in the environment")));
      }
      if (key.equals(ConfigKeys.PROXY_BYPASS)) {
        return setting(variables, ConfigKeys.PROXY, "HTTPS_PROXY", "https_proxy").isPresent()
            ? setting(variables, key, "NO_PROXY", "no_proxy")
            : Optional.ofNullable(system.getProperty("http.nonProxyHosts")).filter(v -> !v.isBlank())
                .map(v -> new ConfigValue(key, v.replace('|', ','), "system property http.nonProxyHosts"));
      }
      return Optional.empty();
    };
  }

  private static Optional<ConfigValue> jvmProxy(Properties system) {
    String host = system.getProperty("https.proxyHost");
    if (host == null || host.isBlank()) {
      return Optional.empty();
    }
    String name = host.strip().contains(":") && !host.strip().startsWith("[") ? "[" + host.strip() + "]" : host.strip();
    String url = "http://" + name + ":" + system.getProperty("https.proxyPort", "443").strip();
    return Optional.of(new ConfigValue(ConfigKeys.PROXY, url, "system properties https.proxyHost/https.proxyPort"));
  }

  /** The first of the variables {@code names} that is set, as the setting {@code key}. */
  private static Optional<ConfigValue> setting(Map<String, String> variables, String key, String... names) {
    for (String name : names) {
      String value = variables.get(name);
      if (value != null && !value.isBlank()) {
        return Optional.of(new ConfigValue(key, value.strip(), "environment variable " + name));
      }
    }
    return Optional.empty();
  }
}
