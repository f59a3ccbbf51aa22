package dev.faxreports;

import dev.faxreports.config.ConfigKeys;
import dev.faxreports.config.ConfigSource;
import dev.faxreports.config.ConfigValue;
import dev.faxreports.config.ConfigValues;
import dev.faxreports.error.InvalidArgumentException;
import dev.faxreports.internal.Validation;
import dev.faxreports.model.Credentials;
import dev.faxreports.model.DataCenter;
import dev.faxreports.model.Region;
import dev.faxreports.observe.FaxReportsObserverProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the {@code retarus.fax.*} settings from a source onto a builder. */
final class Configuration {

  private final ConfigSource source;

  Configuration(ConfigSource source) {
    if (source == null) {
      throw new InvalidArgumentException("the configuration source must not be null");
    }
    this.source = source;
  }

  void applyTo(FaxReportsBuilder builder) {
    get(ConfigKeys.TRANSPORT).ifPresent(v -> builder.transportName(v.value()));
    Optional<Region> region = get(ConfigKeys.REGION).map(Configuration::region); // checked even when unused
    Optional<ConfigValue> endpoints = get(ConfigKeys.ENDPOINTS);
    if (endpoints.isPresent()) {
      builder.dataCenters(endpoints(endpoints.get()));
    } else {
      region.ifPresent(builder::region);
    }
    get(ConfigKeys.CUSTOMER_NUMBER).ifPresent(v -> builder.customerNumber(customerNumber(v)));
    credentials().ifPresent(builder::credentials);
    get(ConfigKeys.CONNECT_TIMEOUT).ifPresent(v -> builder.connectTimeout(ConfigValues.duration(v)));
    get(ConfigKeys.REQUEST_TIMEOUT).ifPresent(v -> builder.requestTimeout(ConfigValues.duration(v)));
    get(ConfigKeys.DEADLINE).ifPresent(v -> builder.deadline(ConfigValues.duration(v)));
    get(ConfigKeys.MAX_ATTEMPTS).ifPresent(v -> builder.maxAttempts(ConfigValues.integer(v, 1)));
    get(ConfigKeys.MAX_RESPONSE_BYTES).ifPresent(v -> builder.maxResponseBytes(maxResponseBytes(v)));
    get(ConfigKeys.STRICT).ifPresent(v -> builder.strict(ConfigValues.bool(v)));
    get(ConfigKeys.ALLOW_INSECURE_HTTP).ifPresent(v -> builder.allowInsecureHttp(ConfigValues.bool(v)));
    NetworkConfiguration.applyTo(source, builder);
    get(ConfigKeys.OBSERVERS).ifPresent(v -> observers(v, FaxReportsObserverProvider.discovered())
        .forEach(provider -> builder.observer(provider.create(source))));
  }

  /** The providers named, in order; a name not on the class path is an error listing those that are. */
  static List<FaxReportsObserverProvider> observers(ConfigValue value, List<FaxReportsObserverProvider> available) {
    List<FaxReportsObserverProvider> chosen = new ArrayList<>();
    for (String name : value.value().split(",")) {
      if (name.isBlank()) {
        continue;
      }
      chosen.add(available.stream().filter(p -> p.name().equalsIgnoreCase(name.strip())).findFirst()
          .orElseThrow(() -> ConfigValues.invalid(value, "names the observer \"" + name.strip()
              + "\", which is not on the class path (found: "
              + available.stream().map(FaxReportsObserverProvider::name).toList()
              + "; add faxreports-micrometer for \"micrometer\")")));
    }
    return chosen;
  }

  private Optional<ConfigValue> get(String key) {
    return source.get(key);
  }

  private static List<DataCenter> endpoints(ConfigValue value) {
    List<DataCenter> dataCenters = new ArrayList<>();
    for (String url : value.value().split(",")) {
      if (url.isBlank()) {
        continue;
      }
      try {
        dataCenters.add(DataCenter.of(url.strip()));
      } catch (IllegalArgumentException e) {
        throw ConfigValues.invalid(value, e.getMessage());
      }
    }
    if (dataCenters.isEmpty()) {
      throw ConfigValues.invalid(value, "names no endpoint");
    }
    return dataCenters;
  }

  private static long maxResponseBytes(ConfigValue value) {
    long bytes = ConfigValues.longInteger(value, 1);
    if (bytes > Integer.MAX_VALUE - 8) {
      throw ConfigValues.invalid(value, "must be at most " + (Integer.MAX_VALUE - 8) + " (bytes)");
    }
    return bytes;
  }

  private static Region region(ConfigValue value) {
    try {
      return Region.parse(value.value());
    } catch (IllegalArgumentException e) {
      throw ConfigValues.invalid(value, e.getMessage());
    }
  }

  private static String customerNumber(ConfigValue value) {
    try {
      return Validation.requireCustomerNumber(value.value());
    } catch (InvalidArgumentException e) {
      throw ConfigValues.invalid(value, e.getMessage());
    }
  }

  /** Both or neither: half a credential is a mistake worth naming. */
  private Optional<Credentials> credentials() {
    Optional<ConfigValue> username = get(ConfigKeys.USERNAME);
    Optional<ConfigValue> password = get(ConfigKeys.PASSWORD);
    if (username.isEmpty() && password.isEmpty()) {
      return Optional.empty();
    }
    if (username.isEmpty()) {
      throw new InvalidArgumentException(ConfigKeys.PASSWORD + " is set but " + ConfigKeys.USERNAME
          + " (RETARUS_USERNAME) is missing");
    }
    if (password.isEmpty()) {
      throw new InvalidArgumentException(ConfigKeys.USERNAME + " is set but " + ConfigKeys.PASSWORD
          + " (RETARUS_PASSWORD) is missing");
    }
    try {
      return Optional.of(new Credentials(username.get().value(), password.get().value()));
    } catch (IllegalArgumentException e) {
      throw ConfigValues.invalid(username.get(), e.getMessage());
    }
  }
}
