package dev.faxreports.guice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.ProvisionException;
import com.google.inject.multibindings.OptionalBinder;
import dev.faxreports.AsyncFaxReports;
import dev.faxreports.FaxReports;
import dev.faxreports.error.InvalidArgumentException;
import dev.faxreports.model.DataCenter;
import dev.faxreports.port.FaxReportsTransport;
import dev.faxreports.port.FaxReportsTransportProvider;
import dev.faxreports.testkit.FakeFaxServer;
import dev.faxreports.testkit.FakeFaxService;
import dev.faxreports.testkit.contract.ContractSubject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FaxReportsModuleTest {

  private static Map<String, String> europe(String transport) {
    Map<String, String> settings = new HashMap<>(Map.of(
        "retarus.fax.region", "EUROPE",
        "retarus.fax.customer-number", "12345",
        "retarus.fax.username", "user",
        "retarus.fax.password", "secret-pw"));
    if (transport != null) {
      settings.put("retarus.fax.transport", transport);
    }
    return settings;
  }

  @Test
  void bindsOneFacadeSyncAndAsyncWithTheConfiguredTransport() {
    Injector injector = Guice.createInjector(new FaxReportsModule(europe("vertx")));

    FaxReports reports = injector.getInstance(FaxReports.class);
    try (reports) {
      assertThat(injector.getInstance(FaxReports.class)).isSameAs(reports);
      assertThat(injector.getInstance(AsyncFaxReports.class)).isSameAs(reports.async());
      assertThat(injector.getInstance(FaxReportsTransportProvider.class).name()).isEqualTo("vertx");
      assertThat(reports.async().dataCenters()).containsExactly(DataCenter.DE1, DataCenter.DE2);
      assertThat(reports.toString()).contains("VertxTransport");
    }
  }

  @Test
  void theTestkitFakeReplacesTheTransportInOneLine() {
    FakeFaxService fake = FakeFaxService.europe();
    fake.seedSamples(DataCenter.DE2, 3);

    Injector injector = Guice.createInjector(new FaxReportsModule(europe(null)),
        binder -> OptionalBinder.newOptionalBinder(binder, FaxReportsTransport.class).setBinding().toInstance(fake));

    try (FaxReports reports = injector.getInstance(FaxReports.class)) {
      assertThat(reports.list().reports()).hasSize(3);
    }
    assertThat(fake.calls()).isNotEmpty();
  }

  @Test
  void theProviderCanBeReplacedToo() {
    FakeFaxService fake = FakeFaxService.europe();
    FaxReportsTransportProvider custom = new FaxReportsTransportProvider() {
      @Override
      public String name() {
        return "custom";
      }

      @Override
      public FaxReportsTransport create(dev.faxreports.port.TransportSettings settings) {
        return fake;
      }
    };

    Injector injector = Guice.createInjector(new FaxReportsModule(europe(null)),
        binder -> OptionalBinder.newOptionalBinder(binder, FaxReportsTransportProvider.class).setBinding().toInstance(custom));

    try (FaxReports reports = injector.getInstance(FaxReports.class)) {
      reports.list();
    }
    assertThat(fake.calls()).hasSize(2);
  }

  @Test
  void talksToTheHttpFakeServerThroughEitherTransport() {
    for (String transport : new String[] {"feign", "vertx"}) {
      FakeFaxService fake = FakeFaxService.europe();
      fake.seedSamples(DataCenter.DE1, 5);
      try (FakeFaxServer server = FakeFaxServer.start(fake, ContractSubject.CUSTOMER_NUMBER, ContractSubject.CREDENTIALS)) {
        Injector injector = Guice.createInjector(new FaxReportsModule(TransportSwitchTest.settings(transport, server)));
        try (FaxReports reports = injector.getInstance(FaxReports.class)) {
          assertThat(reports.drain(page -> { }).acknowledged()).isEqualTo(5);
        }
      }
    }
  }

  // ---- errors -------------------------------------------------------------------------------

  private static Throwable provisioning(Map<String, String> settings) {
    Injector injector = Guice.createInjector(new FaxReportsModule(settings));
    try {
      injector.getInstance(FaxReports.class).close();
    } catch (ProvisionException e) {
      return e.getCause();
    }
    throw new AssertionError("expected the facade to fail");
  }

  @Test
  void anUnknownTransportNameListsTheAvailableOnes() {
    assertThat(provisioning(europe("okhttp"))).isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("unknown transport 'okhttp'").hasMessageContaining("feign").hasMessageContaining("vertx");
  }

  @Test
  void severalTransportsWithoutANameAskForTheKey() {
    assertThat(provisioning(europe(null))).hasMessageContaining("several transports")
        .hasMessageContaining("retarus.fax.transport");
  }

  @Test
  void missingCredentialsAreNamed() {
    Map<String, String> settings = europe("feign");
    settings.remove("retarus.fax.username");
    settings.remove("retarus.fax.password");

    assertThat(provisioning(settings)).hasMessageContaining("credentials are missing")
        .hasMessageContaining("RETARUS_PASSWORD");
  }

  @Test
  void aMalformedEndpointIsNamedByItsKey() {
    Map<String, String> settings = europe("feign");
    settings.put("retarus.fax.endpoints", "https://exa mple.com/rest/v1");

    assertThat(provisioning(settings)).hasMessageStartingWith("retarus.fax.endpoints");
  }

  @Test
  void plainHttpToANonLoopbackHostIsRefused() {
    Map<String, String> settings = europe("feign");
    settings.put("retarus.fax.endpoints", "http://faxws.de1.retarus.com/rest/v1");

    assertThat(provisioning(settings)).hasMessageContaining("clear text");
  }

  @Test
  void nothingInTheErrorsOrTheModuleShowsThePassword() {
    Map<String, String> settings = europe("okhttp");

    assertThat(provisioning(settings).getMessage()).doesNotContain("secret-pw");
    assertThatThrownBy(() -> Guice.createInjector(new FaxReportsModule(settings)).getInstance(FaxReports.class))
        .satisfies(e -> assertThat(e.toString()).doesNotContain("secret-pw"));
  }
}
