package dev.faxreports;

import dev.faxreports.config.ConfigKeys;
import dev.faxreports.config.ConfigSource;
import dev.faxreports.config.ConfigValue;
import dev.faxreports.config.ConfigValues;
import dev.faxreports.config.ProxyResolution;
import dev.faxreports.error.InvalidArgumentException;
import dev.faxreports.model.Credentials;
import dev.faxreports.port.ProxySettings;
import dev.faxreports.port.TlsSettings;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** Reads the proxy and TLS settings ({@code retarus.fax.proxy*}, {@code .trust-store*}, {@code .key-store*}). */
final class NetworkConfiguration {
  private NetworkConfiguration() {}

  static void applyTo(ConfigSource source, FaxReportsBuilder builder) {
    Optional<ConfigValue> proxy = source.get(ConfigKeys.PROXY);
    if (proxy.isPresent()) {
      String url = proxy.get().value();
      if (url.toLowerCase(Locale.ROOT).equals("none")) {
        builder.noProxy();
      } else {
        try {
          builder.proxy(ProxySettings.parse(url));
        } catch (IllegalArgumentException e) {
          throw ConfigValues.invalid(proxy.get(), e.getMessage());
        }
      }
    }
    credentials(source, ConfigKeys.PROXY_USERNAME, ConfigKeys.PROXY_PASSWORD).ifPresent(builder::proxyCredentials);
    source.get(ConfigKeys.PROXY_BYPASS).ifPresent(v -> builder.proxyBypass(ProxyResolution.noProxy(v.value())));
    Optional<Path> trustStore = path(source, ConfigKeys.TRUST_STORE);
    Optional<Path> keyStore = path(source, ConfigKeys.KEY_STORE);
    String trustPassword = secret(source, ConfigKeys.TRUST_STORE_PASSWORD, trustStore, ConfigKeys.TRUST_STORE);
    String keyPassword = secret(source, ConfigKeys.KEY_STORE_PASSWORD, keyStore, ConfigKeys.KEY_STORE);
    if (trustStore.isPresent() || keyStore.isPresent()) {
      builder.tls(new TlsSettings(trustStore.orElse(null), trustPassword, keyStore.orElse(null), keyPassword));
    }
  }

  private static Optional<Path> path(ConfigSource source, String key) {
    Optional<ConfigValue> value = source.get(key);
    try {
      return value.map(v -> Path.of(v.value()));
    } catch (InvalidPathException e) {
      throw ConfigValues.invalid(value.get(), "is not a file path");
    }
  }

  /** A store's password; set without its store, it is a mistake worth naming. */
  private static String secret(ConfigSource source, String key, Optional<Path> store, String storeKey) {
    Optional<ConfigValue> password = source.get(key);
    if (password.isPresent() && store.isEmpty()) {
      throw new InvalidArgumentException(key + " is set but " + storeKey + " is missing");
    }
    return password.map(ConfigValue::value).orElse(null);
  }

  /** Both or neither. */
  private static Optional<Credentials> credentials(ConfigSource source, String userKey, String passwordKey) {
    Optional<ConfigValue> user = source.get(userKey);
    Optional<ConfigValue> password = source.get(passwordKey);
    if (user.isEmpty() && password.isEmpty()) {
      return Optional.empty();
    }
    if (user.isEmpty() || password.isEmpty()) {
      throw new InvalidArgumentException((user.isEmpty() ? passwordKey + " is set but " + userKey
          : userKey + " is set but " + passwordKey) + " is missing");
    }
    try {
      return Optional.of(new Credentials(user.get().value(), password.get().value()));
    } catch (IllegalArgumentException e) {
      throw ConfigValues.invalid(user.get(), e.getMessage());
    }
  }
}
