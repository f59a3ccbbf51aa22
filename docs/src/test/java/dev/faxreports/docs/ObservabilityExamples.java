package dev.faxreports.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;
import dev.faxreports.FaxReports;
import dev.faxreports.guice.FaxReportsModule;
import dev.faxreports.micrometer.DataCenterFigures;
import dev.faxreports.micrometer.DefaultFaxReportsRequestObservationConvention;
import dev.faxreports.micrometer.FaxReportsRequestContext;
import dev.faxreports.micrometer.FaxReportsRequestObservationConvention;
import dev.faxreports.micrometer.MicrometerObserver;
import dev.faxreports.model.DataCenter;
import dev.faxreports.observe.FaxReportsObserver;
import dev.faxreports.port.FaxReportsTransport;
import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ObservabilityExamples {

  @Test
  void plainMicrometer() {
    try (Fixture fixture = new Fixture().seed(1_200)) {
      // tag::plain[]
      PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      try (FaxReports reports = fixture.builder()
          .observer(MicrometerObserver.create(registry))
          .build()) {
        reports.drain(page -> { /* store the page */ });
      }
      String scrape = registry.scrape(); // what GET /metrics answers, Prometheus text format
      // end::plain[]
      assertThat(scrape)
          .contains("faxreports_requests_seconds_count{data_center=\"DE1\",operation=\"list\",outcome=\"success\",status=\"200\"}")
          .contains("faxreports_reports_exported_total{data_center=\"DE1\"} 1200.0")
          .contains("faxreports_reports_oldest_age_seconds{data_center=\"DE2\"} 0.0")
          .contains("faxreports_drain_seconds_count 0"); // the long-task timer: no drain running now
    }
  }

  @Test
  void guice() {
    Fixture fixture = new Fixture().seed(3);
    MeterRegistry meterRegistry = new SimpleMeterRegistry();
    Map<String, String> settings = Map.of("retarus.fax.region", "EUROPE", "retarus.fax.customer-number", "12345",
        "retarus.fax.username", "docs", "retarus.fax.password", "docs-password");
    // tag::guice[]
    Injector injector = Guice.createInjector(new FaxReportsModule(settings), new AbstractModule() {
      @Override
      protected void configure() {
        Multibinder.newSetBinder(binder(), FaxReportsObserver.class).addBinding()
            .toInstance(MicrometerObserver.create(meterRegistry));
        // the guide's service: the testkit's fake instead of Retarus
        OptionalBinder.newOptionalBinder(binder(), FaxReportsTransport.class).setBinding().toInstance(fixture.fake);
      }
    });
    // end::guice[]
    try (fixture; FaxReports reports = injector.getInstance(FaxReports.class)) {
      reports.list();
      assertThat(meterRegistry.get("faxreports.reports.pending").tag("data.center", "DE1").gauge().value()).isEqualTo(3);
    }
  }

  @Test
  void tracing() {
    List<String> spans = new CopyOnWriteArrayList<>();
    try (Fixture fixture = new Fixture().seed(2)) {
      // tag::tracing[]
      ObservationRegistry observations = ObservationRegistry.create();
      // With micrometer-tracing, register its tracing handler here (Spring Boot does it for you);
      // this handler only shows what a tracer receives.
      observations.observationConfig().observationHandler(new ObservationHandler<>() {
        @Override
        public void onStop(Observation.Context context) {
          spans.add(context.getContextualName() + " " + context.getLowCardinalityKeyValues());
        }

        @Override
        public boolean supportsContext(Observation.Context context) {
          return true;
        }
      });
      try (FaxReports reports = fixture.builder()
          .observer(MicrometerObserver.builder(new SimpleMeterRegistry())
              .observationRegistry(observations)
              .build())
          .build()) {
        reports.list();
      }
      // end::tracing[]
    }
    assertThat(spans).hasSize(2).allSatisfy(span -> assertThat(span)
        .startsWith("faxreports list").contains("outcome=success").contains("status=200"));
  }

  @Test
  void convention() {
    MeterRegistry meterRegistry = new SimpleMeterRegistry();
    ObservationRegistry observations = ObservationRegistry.create();
    List<Observation.Context> stopped = new CopyOnWriteArrayList<>();
    observations.observationConfig().observationHandler(new ObservationHandler<>() {
      @Override
      public void onStop(Observation.Context context) {
        stopped.add(context);
      }

      @Override
      public boolean supportsContext(Observation.Context context) {
        return true;
      }
    });
    try (Fixture fixture = new Fixture().seed(2)) {
      // tag::convention[]
      FaxReportsRequestObservationConvention withTenant = new DefaultFaxReportsRequestObservationConvention() {
        @Override
        public KeyValues getLowCardinalityKeyValues(FaxReportsRequestContext context) {
          return super.getLowCardinalityKeyValues(context).and("tenant", "acme");
        }
      };
      try (FaxReports reports = fixture.builder()
          .observer(MicrometerObserver.builder(meterRegistry)
              .observationRegistry(observations)
              .requestObservationConvention(withTenant)
              .build())
          .build()) {
        reports.list();
      }
      // end::convention[]
    }
    assertThat(stopped).hasSize(2).allSatisfy(context -> {
      assertThat(context.getName()).isEqualTo("faxreports.request");
      assertThat(context.getLowCardinalityKeyValue("tenant").getValue()).isEqualTo("acme");
      assertThat(context.getLowCardinalityKeyValue("outcome").getValue()).isEqualTo("success");
    });
    assertThat(meterRegistry.get("faxreports.requests").timers()).hasSize(2)
        .allSatisfy(timer -> assertThat(timer.getId().getTag("tenant")).isNull()); // the meters keep their tags
  }

  @Test
  void figures() {
    try (Fixture fixture = new Fixture().seed(1_500)) {
      // tag::figures[]
      MeterRegistry registry = new SimpleMeterRegistry();
      try (FaxReports reports = fixture.builder()
          .observer(MicrometerObserver.builder(registry).latencyHistogram(true).build())
          .build()) {
        reports.drain(page -> { /* store the page */ });
      }
      DataCenterFigures.byDataCenter(registry).forEach((dataCenter, figures) ->
          System.out.printf("%s: %d requests, %d retries, %d bytes, p50 %s, p99 %s%n", dataCenter,
              figures.requests(), figures.retries(), figures.bytes(), figures.p50(), figures.p99()));
      // end::figures[]
      DataCenterFigures de1 = DataCenterFigures.byDataCenter(registry).get(DataCenter.DE1.name());
      assertThat(de1.requests()).isEqualTo(fixture.fake.calls().stream().filter(c -> c.dataCenter().equals("DE1")).count());
      assertThat(de1.p99()).isNotNull();
    }
  }
}
