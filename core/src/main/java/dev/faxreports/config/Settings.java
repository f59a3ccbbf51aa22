package dev.faxreports.config;

import dev.faxreports.config.Setting.Kind;
import dev.faxreports.model.DataCenter;
import dev.faxreports.model.Region;
import dev.faxreports.port.ProxySettings;
import dev.faxreports.port.TransportSettings;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The catalogue of the library's settings, in the order the guide lists them. The builder's
 * configuration reads through it; the CLI's options, the Kafka connector's {@code ConfigDef} and
 * the guide's table are made from it or checked against it by a test.
 */
public final class Settings {
  private Settings() {}

  /** What {@link #PROXY} takes to connect directly, whatever the environment names. */
  public static final String NO_PROXY = "none";

  public static final Setting<String> TRANSPORT = plain(ConfigKeys.TRANSPORT, "RETARUS_FAX_TRANSPORT",
      Kind.TEXT, ConfigValue::value, null, "The HTTP transport");
  public static final Setting<Region> REGION = plain(ConfigKeys.REGION, "RETARUS_FAX_REGION",
      Kind.TEXT, read(Region::parse), null,
      "EUROPE, USA, SWITZERLAND or SINGAPORE: every data center of it is queried");
  public static final Setting<List<DataCenter>> ENDPOINTS = plain(ConfigKeys.ENDPOINTS,
      "RETARUS_FAX_ENDPOINTS", Kind.LIST, Settings::dataCenters, null,
      "A data-center base URL such as https://faxws.de1.retarus.com/rest/v1, or NAME=URL");
  public static final Setting<String> CUSTOMER_NUMBER = plain(ConfigKeys.CUSTOMER_NUMBER,
      "RETARUS_CUSTOMER_NUMBER", Kind.TEXT, ConfigValue::value, null, "The customer number");
  public static final Setting<String> USERNAME = plain(ConfigKeys.USERNAME, "RETARUS_USERNAME",
      Kind.TEXT, ConfigValue::value, null, "The user, for Basic authentication");
  public static final Setting<String> PASSWORD = secret(ConfigKeys.PASSWORD, "RETARUS_PASSWORD",
      "The user's password, for Basic authentication");
  public static final Setting<Duration> CONNECT_TIMEOUT = plain(ConfigKeys.CONNECT_TIMEOUT,
      "RETARUS_FAX_CONNECT_TIMEOUT", Kind.DURATION, ConfigValues::duration,
      TransportSettings.DEFAULT_CONNECT_TIMEOUT, "How long opening a connection may take");
  public static final Setting<Duration> REQUEST_TIMEOUT = plain(ConfigKeys.REQUEST_TIMEOUT,
      "RETARUS_FAX_REQUEST_TIMEOUT", Kind.DURATION, ConfigValues::duration,
      TransportSettings.DEFAULT_REQUEST_TIMEOUT, "How long one request may take");
  public static final Setting<Duration> DEADLINE = plain(ConfigKeys.DEADLINE, "RETARUS_FAX_DEADLINE",
      Kind.DURATION, ConfigValues::duration, Duration.ofMinutes(2),
      "How long one call may take in all, retries included");
  // RetryPolicy.DEFAULT's: that class is the facade's, which reads this package, not the reverse.
  public static final Setting<Integer> MAX_ATTEMPTS = plain(ConfigKeys.MAX_ATTEMPTS,
      "RETARUS_FAX_MAX_ATTEMPTS", Kind.INTEGER, value -> ConfigValues.integer(value, 1), 4,
      "Tries per request, retries included");
  public static final Setting<Long> MAX_RESPONSE_BYTES = plain(ConfigKeys.MAX_RESPONSE_BYTES,
      "RETARUS_FAX_MAX_RESPONSE_BYTES", Kind.LONG, Settings::maxResponseBytes,
      TransportSettings.DEFAULT_MAX_RESPONSE_BYTES,
      "The most bytes one answer may have, counted as received and after gzip inflation");
  public static final Setting<Boolean> STRICT = plain(ConfigKeys.STRICT, "RETARUS_FAX_STRICT",
      Kind.BOOLEAN, ConfigValues::bool, false,
      "Fail when any data center fails, instead of a partial result");
  public static final Setting<Boolean> ALLOW_INSECURE_HTTP = plain(ConfigKeys.ALLOW_INSECURE_HTTP,
      "RETARUS_FAX_ALLOW_INSECURE_HTTP", Kind.BOOLEAN, ConfigValues::bool, false,
      "Allow http:// endpoints on other hosts than loopback: the password then travels in clear text");
  /** The proxy's URL, {@code http://[user:password@]host:port}, or {@link #NO_PROXY}. */
  public static final Setting<String> PROXY = plain(ConfigKeys.PROXY, "RETARUS_FAX_PROXY", Kind.TEXT,
      Settings::proxy, null, "The HTTP proxy, http://host:port, for https:// endpoints");
  public static final Setting<String> PROXY_USERNAME = plain(ConfigKeys.PROXY_USERNAME,
      "RETARUS_PROXY_USERNAME", Kind.TEXT, ConfigValue::value, null,
      "The proxy's user, for Basic authentication");
  public static final Setting<String> PROXY_PASSWORD = secret(ConfigKeys.PROXY_PASSWORD,
      "RETARUS_PROXY_PASSWORD", "The proxy's password");
  public static final Setting<List<String>> PROXY_BYPASS = plain(ConfigKeys.PROXY_BYPASS,
      "RETARUS_FAX_PROXY_BYPASS", Kind.LIST, value -> ProxyResolution.noProxy(value.value()), null,
      "Hosts reached without the proxy, comma-separated");
  public static final Setting<Path> TRUST_STORE = plain(ConfigKeys.TRUST_STORE,
      "RETARUS_FAX_TRUST_STORE", Kind.FILE, Settings::path, null,
      "CA certificates to trust instead of the JVM's: PEM, or PKCS#12/JKS with its password in"
          + " RETARUS_TRUST_STORE_PASSWORD");
  public static final Setting<String> TRUST_STORE_PASSWORD = secret(ConfigKeys.TRUST_STORE_PASSWORD,
      "RETARUS_TRUST_STORE_PASSWORD", "The trust store's password");
  public static final Setting<Path> KEY_STORE = plain(ConfigKeys.KEY_STORE, "RETARUS_FAX_KEY_STORE",
      Kind.FILE, Settings::path, null,
      "A client certificate for mutual TLS: PKCS#12 with its password in RETARUS_KEY_STORE_PASSWORD");
  public static final Setting<String> KEY_STORE_PASSWORD = secret(ConfigKeys.KEY_STORE_PASSWORD,
      "RETARUS_KEY_STORE_PASSWORD", "The key store's password");
  public static final Setting<List<String>> OBSERVERS = plain(ConfigKeys.OBSERVERS,
      "RETARUS_FAX_OBSERVERS", Kind.LIST, Settings::names, null,
      "Observers to create by name, such as micrometer: each a FaxReportsObserverProvider on the class path");

  /** Every setting, in the order the guide lists them. */
  public static final List<Setting<?>> ALL = List.of(TRANSPORT, REGION, ENDPOINTS, CUSTOMER_NUMBER,
      USERNAME, PASSWORD, CONNECT_TIMEOUT, REQUEST_TIMEOUT, DEADLINE, MAX_ATTEMPTS,
      MAX_RESPONSE_BYTES, STRICT, ALLOW_INSECURE_HTTP, PROXY, PROXY_USERNAME, PROXY_PASSWORD,
      PROXY_BYPASS, TRUST_STORE, TRUST_STORE_PASSWORD, KEY_STORE, KEY_STORE_PASSWORD, OBSERVERS);

  /** The service's user and password. */
  public static final CredentialPair CREDENTIALS = new CredentialPair(USERNAME, PASSWORD);

  /** The proxy's user and password, for a proxy whose URL has none. */
  public static final CredentialPair PROXY_CREDENTIALS = new CredentialPair(PROXY_USERNAME, PROXY_PASSWORD);

  /** The setting of this key, if the catalogue has it. */
  public static Optional<Setting<?>> find(String key) {
    return ALL.stream().<Setting<?>>map(setting -> setting).filter(setting -> setting.key().equals(key))
        .findFirst();
  }

  /**
   * Whether the value of {@code key} is a secret: a catalogue's secret, or — for a key the
   * catalogue does not know, such as a connector account's — one whose name ends in "password".
   */
  public static boolean isSecret(String key) {
    return find(key).map(Setting::secret).orElseGet(() -> key.toLowerCase(Locale.ROOT).endsWith("password"));
  }

  private static <T> Setting<T> plain(String key, String environmentVariable, Kind kind,
      Function<ConfigValue, T> parser, T defaultValue, String doc) {
    return new Setting<>(key, environmentVariable, kind, parser, defaultValue, doc, false);
  }

  private static Setting<String> secret(String key, String environmentVariable, String doc) {
    return new Setting<>(key, environmentVariable, Kind.TEXT, ConfigValue::value, null, doc, true);
  }

  /** A parser from one that throws {@link IllegalArgumentException}, its message naming the key. */
  private static <T> Function<ConfigValue, T> read(Function<String, T> parser) {
    return value -> {
      try {
        return parser.apply(value.value());
      } catch (IllegalArgumentException e) {
        throw ConfigValues.invalid(value, e.getMessage());
      }
    };
  }

  private static List<DataCenter> dataCenters(ConfigValue value) {
    try {
      return DataCenter.ofAll(List.of(value.value().split(",")));
    } catch (IllegalArgumentException e) {
      throw ConfigValues.invalid(value, e.getMessage());
    }
  }

  private static long maxResponseBytes(ConfigValue value) {
    long bytes = ConfigValues.longInteger(value, 1);
    if (bytes > Integer.MAX_VALUE - 8) {
      throw ConfigValues.invalid(value, "must be at most " + (Integer.MAX_VALUE - 8) + " (bytes)");
    }
    return bytes;
  }

  /** {@link #NO_PROXY}, or a URL that {@link ProxySettings#parse} reads. */
  private static String proxy(ConfigValue value) {
    if (!value.value().equalsIgnoreCase(NO_PROXY)) {
      read(ProxySettings::parse).apply(value);
    }
    return value.value();
  }

  private static Path path(ConfigValue value) {
    try {
      return Path.of(value.value());
    } catch (InvalidPathException e) {
      throw ConfigValues.invalid(value, "is not a file path");
    }
  }

  private static List<String> names(ConfigValue value) {
    return Arrays.stream(value.value().split(",")).map(String::strip).filter(name -> !name.isEmpty()).toList();
  }
}
