package dev.faxreports.observe;

import dev.faxreports.config.ConfigSource;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Creates an observer chosen by name in configuration ({@code retarus.fax.observers=micrometer}).
 * Modules ship one in {@code META-INF/services/dev.faxreports.observe.FaxReportsObserverProvider}.
 */
public interface FaxReportsObserverProvider {

  /** The name configuration uses, e.g. {@code micrometer}. */
  String name();

  /** An observer set up from {@code configuration} (its own keys, if it has any). */
  FaxReportsObserver create(ConfigSource configuration);

  /** Providers found by {@link ServiceLoader} with this interface's class loader. */
  static List<FaxReportsObserverProvider> discovered() {
    List<FaxReportsObserverProvider> found = new ArrayList<>();
    ServiceLoader.load(FaxReportsObserverProvider.class, FaxReportsObserverProvider.class.getClassLoader())
        .forEach(found::add);
    return found;
  }
}
