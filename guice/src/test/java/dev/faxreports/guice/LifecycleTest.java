package dev.faxreports.guice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import com.google.inject.multibindings.OptionalBinder;
import dev.faxreports.AsyncFaxReports;
import dev.faxreports.FaxReports;
import dev.faxreports.model.DataCenter;
import dev.faxreports.port.FaxReportsTransport;
import dev.faxreports.port.FaxReportsTransportProvider;
import dev.faxreports.port.TransportSettings;
import dev.faxreports.testkit.FakeFaxService;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** One error per misconfiguration at injector creation, and closing what the module created. */
class LifecycleTest {

  private static Map<String, String> europe() {
    return new HashMap<>(Map.of(
        "retarus.fax.region", "EUROPE",
        "retarus.fax.customer-number", "12345",
        "retarus.fax.username", "user",
        "retarus.fax.password", "secret-pw",
        "retarus.fax.transport", "feign"));
  }

  @Test
  void aBadSettingFailsInjectorCreationInProductionWithExactlyOneError() {
    Map<String, String> settings = europe();
    settings.put("retarus.fax.transport", "okhttp");

    assertThatThrownBy(() -> Guice.createInjector(Stage.PRODUCTION, new FaxReportsModule(settings)))
        .isInstanceOfSatisfying(CreationException.class, e -> {
          assertThat(e.getErrorMessages()).hasSize(1);
          assertThat(e.getMessage()).contains("unknown transport 'okhttp'").doesNotContain("secret-pw");
        });
  }

  @Test
  void aMissingSettingIsOneErrorToo() {
    Map<String, String> settings = europe();
    settings.remove("retarus.fax.customer-number");

    assertThatThrownBy(() -> Guice.createInjector(Stage.PRODUCTION, new FaxReportsModule(settings)))
        .isInstanceOfSatisfying(CreationException.class, e -> {
          assertThat(e.getErrorMessages()).hasSize(1);
          assertThat(e.getMessage()).contains("customer number is missing");
        });
  }

  @Test
  void closingTheResourcesClosesTheTransportTheModuleCreated() {
    FakeFaxService fake = FakeFaxService.europe();
    fake.seedSamples(DataCenter.DE1, 2);
    AtomicInteger closed = new AtomicInteger();
    FaxReportsTransportProvider counting = provider(fake, closed);
    Injector injector = Guice.createInjector(Stage.PRODUCTION, new FaxReportsModule(europe()),
        binder -> OptionalBinder.newOptionalBinder(binder, FaxReportsTransportProvider.class)
            .setBinding().toInstance(counting));
    FaxReports reports = injector.getInstance(FaxReports.class);
    assertThat(injector.getInstance(AsyncFaxReports.class)).isSameAs(reports.async());
    assertThat(reports.list().reports()).hasSize(2);

    FaxReportsResources resources = injector.getInstance(FaxReportsResources.class);
    resources.close();
    resources.close();

    assertThat(closed).hasValue(1);
  }

  @Test
  void closingBeforeAnythingWasCreatedCreatesNothing() {
    AtomicInteger closed = new AtomicInteger();
    AtomicInteger created = new AtomicInteger();
    FaxReportsTransportProvider counting = new FaxReportsTransportProvider() {
      @Override
      public String name() {
        return "counting";
      }

      @Override
      public FaxReportsTransport create(TransportSettings settings) {
        created.incrementAndGet();
        return provider(FakeFaxService.europe(), closed).create(settings);
      }
    };
    Injector injector = Guice.createInjector(new FaxReportsModule(europe()),
        binder -> OptionalBinder.newOptionalBinder(binder, FaxReportsTransportProvider.class)
            .setBinding().toInstance(counting));

    injector.getInstance(FaxReportsResources.class).close();

    assertThat(created).hasValue(0);
    assertThat(closed).hasValue(0);
  }

  /** A provider whose transports delegate to {@code fake} and count their {@code close()}. */
  private static FaxReportsTransportProvider provider(FakeFaxService fake, AtomicInteger closed) {
    return new FaxReportsTransportProvider() {
      @Override
      public String name() {
        return "counting";
      }

      @Override
      public FaxReportsTransport create(TransportSettings settings) {
        return (FaxReportsTransport) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {FaxReportsTransport.class}, (proxy, method, args) -> {
              if (method.getName().equals("close") && method.getParameterCount() == 0) {
                closed.incrementAndGet();
                return null;
              }
              return method.invoke(fake, args);
            });
      }
    };
  }
}
