package dev.faxreports.config;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Where settings are looked up by key. Sources combine with {@link #or}: the first that has a key
 * wins. {@link #standard()} is system properties, then environment variables.
 */
@FunctionalInterface
public interface ConfigSource {

  /** The value for {@code key}, if this source has a non-blank one. */
  Optional<ConfigValue> get(String key);

  /** This source, and where it has nothing, {@code fallback}. */
  default ConfigSource or(ConfigSource fallback) {
    return key -> get(key).or(() -> fallback.get(key));
  }

  static ConfigSource of(Map<String, String> values) {
    Map<String, String> copy = Map.copyOf(values);
    return key -> present(key, copy.get(key), "configuration map");
  }

  static ConfigSource of(Properties properties) {
    return key -> present(key, properties.getProperty(key), "properties");
  }

  static ConfigSource systemProperties() {
    return key -> present(key, System.getProperty(key), "system property " + key);
  }

  /** Environment variables, by the names of {@link #environmentVariable}. */
  static ConfigSource environment() {
    return environment(System.getenv());
  }

  /** The given map read as environment variables (for tests). */
  static ConfigSource environment(Map<String, String> variables) {
    Map<String, String> copy = Map.copyOf(variables);
    return key -> {
      String name = environmentVariable(key);
      return present(key, copy.get(name), "environment variable " + name);
    };
  }

  /** System properties, then environment variables. */
  static ConfigSource standard() {
    return systemProperties().or(environment());
  }

  /** Nothing configured. */
  static ConfigSource empty() {
    return key -> Optional.empty();
  }

  /**
   * The environment variable for a key, as the catalogue names it ({@link
   * Setting#environmentVariable()}): {@code retarus.fax.request-timeout} is {@code
   * RETARUS_FAX_REQUEST_TIMEOUT}; the customer number and the secrets drop the {@code FAX_}, as the
   * Retarus SDKs name them ({@code RETARUS_CUSTOMER_NUMBER}, {@code RETARUS_PASSWORD}). A key the
   * catalogue does not know, such as a module's own, is spelled in capitals with underscores.
   */
  static String environmentVariable(String key) {
    return Settings.find(key).<String>map(Setting::environmentVariable)
        .orElseGet(() -> key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
  }

  private static Optional<ConfigValue> present(String key, String value, String origin) {
    return value == null || value.isBlank() ? Optional.empty()
        : Optional.of(new ConfigValue(key, value.strip(), origin));
  }
}
