package dev.faxreports.config;

import dev.faxreports.error.InvalidArgumentException;
import dev.faxreports.port.FaxReportsTransportProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;

/**
 * Picks the transport provider: the one named, else the only one on the class path. None, or
 * several without a name, is an error that says what was found and what to add.
 */
public final class TransportChoice {
  private TransportChoice() {}

  /**
   * The transport a distribution that ships every one (the CLI, the Kafka Connect plugin) uses when
   * none is named: there, the rule of the library itself (the only one on the class path) would
   * always refuse.
   */
  public static final String BUNDLED_DEFAULT = "feign";

  /** Providers found by {@link ServiceLoader} with this class's loader. */
  public static List<FaxReportsTransportProvider> discovered() {
    List<FaxReportsTransportProvider> found = new ArrayList<>();
    ServiceLoader.load(FaxReportsTransportProvider.class, TransportChoice.class.getClassLoader())
        .forEach(found::add);
    return found;
  }

  /**
   * The names of the providers found, such as {@code feign} and {@code vertx}: the values {@link
   * Settings#TRANSPORT} takes here.
   */
  public static List<String> names() {
    return discovered().stream().map(FaxReportsTransportProvider::name).toList();
  }

  /**
   * The provider to use.
   *
   * @param name the configured name, or {@code null}
   * @param available the providers on the class path
   */
  public static FaxReportsTransportProvider select(String name, List<FaxReportsTransportProvider> available) {
    List<String> names = available.stream().map(FaxReportsTransportProvider::name).toList();
    if (name != null && !name.isBlank()) {
      String wanted = name.strip().toLowerCase(Locale.ROOT);
      return available.stream().filter(p -> p.name().equalsIgnoreCase(wanted)).findFirst()
          .orElseThrow(() -> new InvalidArgumentException("unknown transport '" + name + "' ("
              + Settings.TRANSPORT.key() + "); " + (available.isEmpty()
                  ? "no transport is on the class path: " + HOW_TO_ADD
                  : "on the class path: " + names)));
    }
    if (available.size() == 1) {
      return available.get(0);
    }
    if (available.isEmpty()) {
      throw new InvalidArgumentException("no transport on the class path: " + HOW_TO_ADD);
    }
    throw new InvalidArgumentException("several transports on the class path " + names
        + "; choose one with " + Settings.TRANSPORT.key() + " (or " + Settings.TRANSPORT.environmentVariable() + ")");
  }

  private static final String HOW_TO_ADD = "add the dependency dev.faxreports:faxreports-transport-feign"
      + " or dev.faxreports:faxreports-transport-vertx";
}
