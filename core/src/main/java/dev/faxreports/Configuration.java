package dev.faxreports;

import dev.faxreports.config.ConfigSource;
import dev.faxreports.config.ConfigValue;
import dev.faxreports.config.ConfigValues;
import dev.faxreports.config.Settings;
import dev.faxreports.error.InvalidArgumentException;
import dev.faxreports.internal.Validation;
import dev.faxreports.model.DataCenter;
import dev.faxreports.model.Region;
import dev.faxreports.observe.FaxReportsObserverProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the {@code retarus.fax.*} settings from a source onto a builder, each through its entry in
 * the catalogue {@link Settings}, which knows how to read it and names it in an error.
 */
final class Configuration {

  private final ConfigSource source;

  Configuration(ConfigSource source) {
    if (source == null) {
      throw new InvalidArgumentException("the configuration source must not be null");
    }
    this.source = source;
  }

  void applyTo(FaxReportsBuilder builder) {
    Settings.TRANSPORT.read(source).ifPresent(builder::transportName);
    Optional<Region> region = Settings.REGION.read(source); // checked even when unused
    Optional<List<DataCenter>> endpoints = Settings.ENDPOINTS.read(source);
    if (endpoints.isPresent()) {
      builder.dataCenters(endpoints.get());
    } else {
      region.ifPresent(builder::region);
    }
    source.get(Settings.CUSTOMER_NUMBER.key()).ifPresent(v -> builder.customerNumber(customerNumber(v)));
    Settings.CREDENTIALS.read(source).ifPresent(builder::credentials);
    Settings.CONNECT_TIMEOUT.read(source).ifPresent(builder::connectTimeout);
    Settings.REQUEST_TIMEOUT.read(source).ifPresent(builder::requestTimeout);
    Settings.DEADLINE.read(source).ifPresent(builder::deadline);
    Settings.MAX_ATTEMPTS.read(source).ifPresent(builder::maxAttempts);
    Settings.MAX_RESPONSE_BYTES.read(source).ifPresent(builder::maxResponseBytes);
    Settings.STRICT.read(source).ifPresent(builder::strict);
    Settings.ALLOW_INSECURE_HTTP.read(source).ifPresent(builder::allowInsecureHttp);
    NetworkConfiguration.applyTo(source, builder);
    source.get(Settings.OBSERVERS.key()).ifPresent(v -> observers(v, FaxReportsObserverProvider.discovered())
        .forEach(provider -> builder.observer(provider.create(source))));
  }

  /** The providers named, in order; a name not on the class path is an error listing those that are. */
  static List<FaxReportsObserverProvider> observers(ConfigValue value, List<FaxReportsObserverProvider> available) {
    List<FaxReportsObserverProvider> chosen = new ArrayList<>();
    for (String name : Settings.OBSERVERS.parse(value)) {
      chosen.add(available.stream().filter(p -> p.name().equalsIgnoreCase(name)).findFirst()
          .orElseThrow(() -> ConfigValues.invalid(value, "names the observer \"" + name
              + "\", which is not on the class path (found: "
              + available.stream().map(FaxReportsObserverProvider::name).toList()
              + "; add faxreports-micrometer for \"micrometer\")")));
    }
    return chosen;
  }

  /** The library's rule for a customer number, a path segment (the catalogue's package cannot see it). */
  private static String customerNumber(ConfigValue value) {
    try {
      return Validation.requireCustomerNumber(Settings.CUSTOMER_NUMBER.parse(value));
    } catch (InvalidArgumentException e) {
      throw ConfigValues.invalid(value, e.getMessage());
    }
  }
}
