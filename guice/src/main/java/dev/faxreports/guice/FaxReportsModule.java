package dev.faxreports.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Provider;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;
import dev.faxreports.AsyncFaxReports;
import dev.faxreports.FaxReports;
import dev.faxreports.FaxReportsBuilder;
import dev.faxreports.config.ConfigKeys;
import dev.faxreports.config.ConfigSource;
import dev.faxreports.config.TransportChoice;
import dev.faxreports.observe.FaxReportsObserver;
import dev.faxreports.port.FaxReportsTransport;
import dev.faxreports.port.FaxReportsTransportProvider;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Binds {@link FaxReports} and {@link AsyncFaxReports} (one facade, a singleton) from
 * configuration, with the transport named by {@code retarus.fax.transport} or the only one on the
 * class path.
 *
 * <p><b>Errors.</b> In {@link com.google.inject.Stage#PRODUCTION} the facade is built when the
 * injector is created, so a misconfiguration (a missing setting, an unknown transport, a
 * clear-text endpoint) fails {@code Guice.createInjector} with exactly one error naming the
 * setting; in the default stage it fails the first {@code getInstance}, the same way.
 *
 * <p><b>Closing.</b> The facade owns the transport and threads it created. At shutdown close what
 * the module created, once: {@code injector.getInstance(FaxReportsResources.class).close()}.
 *
 * <p>Observers ({@link FaxReportsObserver}, e.g. {@code faxreports-micrometer}'s) are a {@link
 * Multibinder} set: every one bound is added to the facade, after those {@code
 * retarus.fax.observers} names:
 * <pre>{@code
 * Multibinder.newSetBinder(binder(), FaxReportsObserver.class).addBinding()
 *     .toInstance(MicrometerObserver.create(meterRegistry));
 * }</pre>
 *
 * <p><b>Override points</b>, both {@link OptionalBinder}s:
 *
 * <ul>
 *   <li>{@link FaxReportsTransport}: unset by default; bind an instance — the testkit's fake, say —
 *       and the facade uses it as it is (and does not close it):
 *       <pre>{@code
 * Injector injector = Guice.createInjector(new FaxReportsModule(settings),
 *     binder -> OptionalBinder.newOptionalBinder(binder, FaxReportsTransport.class)
 *         .setBinding().toInstance(fake));
 *       }</pre>
 *   <li>{@link FaxReportsTransportProvider}: by default the one configuration chooses; bind another
 *       to create the transport your way.
 * </ul>
 */
public final class FaxReportsModule extends AbstractModule {

  private final ConfigSource configuration;

  /** Settings from system properties, then {@code RETARUS_*} environment variables. */
  public FaxReportsModule() {
    this(ConfigSource.standard());
  }

  /**
   * Settings from {@code configuration}.
   *
   * @param configuration where the {@code retarus.fax.*} settings come from
   */
  public FaxReportsModule(ConfigSource configuration) {
    this.configuration = configuration;
  }

  /**
   * Settings from a map of {@code retarus.fax.*} keys.
   *
   * @param settings the settings by key
   */
  public FaxReportsModule(Map<String, String> settings) {
    this(ConfigSource.of(settings));
  }

  @Override
  protected void configure() {
    bind(FaxReportsResources.class).toInstance(new FaxReportsResources());
    OptionalBinder.newOptionalBinder(binder(), FaxReportsTransport.class);
    Multibinder.newSetBinder(binder(), FaxReportsObserver.class); // empty unless the application adds some
    OptionalBinder.newOptionalBinder(binder(), FaxReportsTransportProvider.class)
        .setDefault().toProvider(this::configuredProvider);
  }

  @Provides
  @Singleton
  FaxReports faxReports(Optional<FaxReportsTransport> transport,
      Provider<FaxReportsTransportProvider> provider, FaxReportsResources resources,
      Set<FaxReportsObserver> observers) {
    FaxReportsBuilder builder = FaxReports.builder().configure(configuration);
    observers.forEach(builder::observer);
    if (transport.isPresent()) {
      builder.transport(transport.get());
    } else {
      builder.transport(provider.get()); // looked up only when needed: a bound transport needs none
    }
    return resources.track(builder.build());
  }

  /**
   * The facade's async view: the same instance every time. No singleton of its own on purpose: an
   * eager singleton would be a second binding to fail on a bad setting, and report it twice.
   */
  @Provides
  AsyncFaxReports asyncFaxReports(FaxReports reports) {
    return reports.async();
  }

  private FaxReportsTransportProvider configuredProvider() {
    String name = configuration.get(ConfigKeys.TRANSPORT).map(value -> value.value()).orElse(null);
    return TransportChoice.select(name, TransportChoice.discovered());
  }

  @Override
  public String toString() {
    return "FaxReportsModule";
  }
}
