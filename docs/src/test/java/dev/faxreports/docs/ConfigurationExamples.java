package dev.faxreports.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import com.google.inject.multibindings.OptionalBinder;
import dev.faxreports.guice.FaxReportsResources;
import dev.faxreports.port.FaxReportsTransport;
import dev.faxreports.testkit.FakeFaxService;
import dev.faxreports.FaxReports;
import dev.faxreports.config.ConfigSource;
import dev.faxreports.guice.FaxReportsModule;
import dev.faxreports.model.DataCenter;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ConfigurationExamples {

  @Test
  void fromProperties() {
    try (Fixture fixture = new Fixture().seed(3)) {
      DataCenter de1 = fixture.server.dataCenter(DataCenter.DE1);
      DataCenter de2 = fixture.server.dataCenter(DataCenter.DE2);
      // tag::properties[]
      Properties properties = new Properties();
      properties.setProperty("retarus.fax.transport", "vertx");
      properties.setProperty("retarus.fax.endpoints", "DE1=" + de1.baseUri() + ",DE2=" + de2.baseUri());
      properties.setProperty("retarus.fax.customer-number", "12345");
      properties.setProperty("retarus.fax.username", "docs");
      properties.setProperty("retarus.fax.password", "docs-password");
      properties.setProperty("retarus.fax.request-timeout", "PT10S");

      try (FaxReports reports = FaxReports.fromConfiguration(ConfigSource.of(properties))) {
        System.out.println(reports.list().reports().size() + " reports");
      }
      // end::properties[]
    }
  }

  @Test
  void fromTheEnvironment() {
    try (Fixture fixture = new Fixture().seed(2)) {
      String endpoints = fixture.server.dataCenters().stream()
          .map(dc -> dc.name() + "=" + dc.baseUri()).reduce((a, b) -> a + "," + b).orElseThrow();
      System.setProperty("retarus.fax.endpoints", endpoints);
      System.setProperty("retarus.fax.transport", "feign");
      System.setProperty("retarus.fax.customer-number", "12345");
      System.setProperty("retarus.fax.username", "docs");
      System.setProperty("retarus.fax.password", "docs-password");
      try {
        // tag::environment[]
        // system properties (-Dretarus.fax.region=EUROPE), then RETARUS_* environment variables
        try (FaxReports reports = FaxReports.fromEnvironment()) {
          reports.drain(page -> System.out.println(page.reports().size() + " from " + page.dataCenter().name()));
        }
        // end::environment[]
        assertThat(fixture.fake.reports(DataCenter.DE2)).isEmpty();
      } finally {
        for (String key : new String[] {"endpoints", "transport", "customer-number", "username", "password"}) {
          System.clearProperty("retarus.fax." + key);
        }
      }
    }
  }

  @Test
  void guice() {
    try (Fixture fixture = new Fixture().seed(1)) {
      Properties properties = new Properties();
      properties.setProperty("retarus.fax.endpoints", fixture.server.dataCenters().stream()
          .map(dc -> dc.baseUri().toString()).reduce((a, b) -> a + "," + b).orElseThrow());
      properties.setProperty("retarus.fax.transport", "feign");
      properties.setProperty("retarus.fax.customer-number", "12345");
      properties.setProperty("retarus.fax.username", "docs");
      properties.setProperty("retarus.fax.password", "docs-password");
      // tag::guice[]
      // PRODUCTION: a bad setting fails here, once, naming the setting.
      Injector injector = Guice.createInjector(Stage.PRODUCTION,
          new FaxReportsModule(ConfigSource.of(properties)));
      FaxReports reports = injector.getInstance(FaxReports.class);  // one singleton, sync and async

      // at shutdown: closes the facade and the transport the module created
      injector.getInstance(FaxReportsResources.class).close();
      // end::guice[]
      assertThat(reports.toString()).contains("FeignTransport");
    }
  }

  @Test
  void guiceWithTheTestkitFake() {
    FakeFaxService fake = FakeFaxService.europe();
    fake.seedSamples(DataCenter.DE2, 3);
    Properties properties = new Properties();
    properties.setProperty("retarus.fax.region", "EUROPE");
    properties.setProperty("retarus.fax.customer-number", "12345");
    properties.setProperty("retarus.fax.username", "docs");
    properties.setProperty("retarus.fax.password", "docs-password");
    // tag::guice-override[]
    Injector injector = Guice.createInjector(Stage.PRODUCTION,
        new FaxReportsModule(ConfigSource.of(properties)),
        binder -> OptionalBinder.newOptionalBinder(binder, FaxReportsTransport.class)
            .setBinding().toInstance(fake));   // any FaxReportsTransport; yours to close
    // end::guice-override[]
    assertThat(injector.getInstance(FaxReports.class).list().reports()).hasSize(3);
    injector.getInstance(FaxReportsResources.class).close();
  }
}
