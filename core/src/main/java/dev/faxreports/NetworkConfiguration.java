package dev.faxreports;

import dev.faxreports.config.ConfigSource;
import dev.faxreports.config.Setting;
import dev.faxreports.config.Settings;
import dev.faxreports.error.InvalidArgumentException;
import dev.faxreports.port.ProxySettings;
import dev.faxreports.port.TlsSettings;
import java.nio.file.Path;
import java.util.Optional;

/** Reads the proxy and TLS settings ({@code retarus.fax.proxy*}, {@code .trust-store*}, {@code .key-store*}). */
final class NetworkConfiguration {
  private NetworkConfiguration() {}

  static void applyTo(ConfigSource source, FaxReportsBuilder builder) {
    Settings.PROXY.read(source).ifPresent(url -> {
      if (url.equalsIgnoreCase(Settings.NO_PROXY)) {
        builder.noProxy();
      } else {
        builder.proxy(ProxySettings.parse(url)); // the catalogue has read it already
      }
    });
    Settings.PROXY_CREDENTIALS.read(source).ifPresent(builder::proxyCredentials);
    Settings.PROXY_BYPASS.read(source).ifPresent(builder::proxyBypass);
    Optional<Path> trustStore = Settings.TRUST_STORE.read(source);
    Optional<Path> keyStore = Settings.KEY_STORE.read(source);
    String trustPassword = storePassword(source, Settings.TRUST_STORE_PASSWORD, trustStore, Settings.TRUST_STORE);
    String keyPassword = storePassword(source, Settings.KEY_STORE_PASSWORD, keyStore, Settings.KEY_STORE);
    if (trustStore.isPresent() || keyStore.isPresent()) {
      builder.tls(new TlsSettings(trustStore.orElse(null), trustPassword, keyStore.orElse(null), keyPassword));
    }
  }

  /** A store's password; set without its store, it is a mistake worth naming. */
  private static String storePassword(ConfigSource source, Setting<String> password, Optional<Path> store,
      Setting<Path> storeSetting) {
    Optional<String> given = password.read(source);
    if (given.isPresent() && store.isEmpty()) {
      throw new InvalidArgumentException(password.key() + " is set but " + storeSetting.key() + " is missing");
    }
    return given.orElse(null);
  }
}
