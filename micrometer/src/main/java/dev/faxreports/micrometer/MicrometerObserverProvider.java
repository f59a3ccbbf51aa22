package dev.faxreports.micrometer;

import dev.faxreports.config.ConfigKeys;
import dev.faxreports.config.ConfigSource;
import dev.faxreports.config.ConfigValue;
import dev.faxreports.observe.FaxReportsObserver;
import dev.faxreports.observe.FaxReportsObserverProvider;
import io.micrometer.core.instrument.Metrics;

/**
 * {@code retarus.fax.observers=micrometer}: meters into Micrometer's global registry ({@link
 * Metrics#globalRegistry} — add your backend's registry to it). With {@value
 * #CUSTOMER_NUMBER_TAG}{@code =true} every meter carries the configured customer number. For
 * observations (traces), build a {@link MicrometerObserver} in code instead.
 */
public final class MicrometerObserverProvider implements FaxReportsObserverProvider {

  /** Whether to tag meters with {@code retarus.fax.customer-number}; default {@code false}. */
  public static final String CUSTOMER_NUMBER_TAG = "retarus.fax.metrics.customer-number-tag";

  @Override
  public String name() {
    return "micrometer";
  }

  @Override
  public FaxReportsObserver create(ConfigSource configuration) {
    MicrometerObserver.Builder builder = MicrometerObserver.builder(Metrics.globalRegistry);
    boolean tag = configuration.get(CUSTOMER_NUMBER_TAG).map(ConfigValue::value)
        .map(Boolean::parseBoolean).orElse(false);
    if (tag) {
      configuration.get(ConfigKeys.CUSTOMER_NUMBER).map(ConfigValue::value).ifPresent(builder::customerNumberTag);
    }
    return builder.build();
  }
}
