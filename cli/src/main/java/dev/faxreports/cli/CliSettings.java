package dev.faxreports.cli;

import dev.faxreports.FaxReports;
import dev.faxreports.FaxReportsBuilder;
import dev.faxreports.config.ConfigKeys;
import dev.faxreports.config.ConfigSource;
import dev.faxreports.config.ConfigValue;
import dev.faxreports.config.TransportChoice;
import dev.faxreports.error.InvalidArgumentException;
import dev.faxreports.observe.FaxReportsObserver;
import java.util.Map;
import java.util.Optional;

/**
 * The tool's settings in the tool's terms: the library speaks of builder methods and
 * {@code retarus.fax.*} keys, a shell user knows options and environment variables, so what is
 * missing or refused is said with those.
 */
final class CliSettings {
  private CliSettings() {}

  /**
   * The library's variable for the customer number is {@code RETARUS_CUSTOMER_NUMBER}, as Retarus'
   * own SDKs name it; every other variable starts {@code RETARUS_FAX_}, so the tool accepts that
   * spelling too. The first wins when both are set.
   */
  static final String CUSTOMER_NUMBER_ALIAS = "RETARUS_FAX_CUSTOMER_NUMBER";

  /** What applies when neither an option nor the environment says otherwise. */
  static final ConfigSource DEFAULTS =
      ConfigSource.of(Map.of(ConfigKeys.TRANSPORT, TransportChoice.BUNDLED_DEFAULT));

  /** The environment as the library reads it, plus {@link #CUSTOMER_NUMBER_ALIAS}. */
  static ConfigSource environment(Map<String, String> variables) {
    ConfigSource alias = key -> {
      String value = ConfigKeys.CUSTOMER_NUMBER.equals(key) ? variables.get(CUSTOMER_NUMBER_ALIAS) : null;
      return value == null || value.isBlank() ? Optional.empty()
          : Optional.of(new ConfigValue(key, value.strip(), "environment variable " + CUSTOMER_NUMBER_ALIAS));
    };
    return ConfigSource.environment(variables).or(alias);
  }

  /** What every command but the demo needs, named by its option and variables, before any work. */
  static void requireComplete(ConfigSource settings) {
    if (settings.get(ConfigKeys.ENDPOINTS).isEmpty() && settings.get(ConfigKeys.REGION).isEmpty()) {
      throw new InvalidArgumentException("no data center: give --region (or RETARUS_FAX_REGION),"
          + " or --endpoint URL (or RETARUS_FAX_ENDPOINTS)");
    }
    if (settings.get(ConfigKeys.CUSTOMER_NUMBER).isEmpty()) {
      throw new InvalidArgumentException("no customer number: give --customer NUMBER, or set"
          + " RETARUS_CUSTOMER_NUMBER (or " + CUSTOMER_NUMBER_ALIAS + ")");
    }
  }

  /**
   * The facade; without a configured proxy, the one the tool's own {@code environment} names
   * ({@code HTTPS_PROXY}/{@code NO_PROXY}, then the JVM's), as the library would find it. The
   * library's advice on clear-text endpoints becomes the tool's option.
   */
  static FaxReports build(ConfigSource settings, Map<String, String> environment, FaxReportsObserver... observers) {
    try {
      FaxReportsBuilder builder = FaxReports.builder()
          .proxyEnvironment(environment, System.getProperties())
          .configure(settings);
      for (FaxReportsObserver observer : observers) {
        builder.observer(observer);
      }
      return builder.build();
    } catch (InvalidArgumentException refused) {
      String message = refused.getMessage();
      if (message.contains("allowInsecureHttp(true)")) {
        throw new InvalidArgumentException(message.replace("allowInsecureHttp(true)",
            "--allow-insecure-http (or RETARUS_FAX_ALLOW_INSECURE_HTTP=true)"));
      }
      throw refused;
    }
  }
}
