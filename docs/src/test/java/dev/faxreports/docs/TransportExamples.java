package dev.faxreports.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faxreports.FaxReports;
import dev.faxreports.port.TransportSettings;
import dev.faxreports.transport.vertx.VertxTransport;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;

class TransportExamples {

  @Test
  void sharedVertx() {
    try (Fixture fixture = new Fixture().seed(5)) {
      Vertx vertx = Vertx.vertx();
      // tag::vertx[]
      VertxTransport transport = VertxTransport.create(vertx,   // yours: left running on close
          TransportSettings.of("12345", Fixture.CREDENTIALS));
      try (FaxReports reports = FaxReports.builder()
          .dataCenters(fixture.server.dataCenters())
          .transport(transport)                                 // an instance: you close it
          .build()) {
        System.out.println(reports.list().reports().size());
      } finally {
        transport.close();
      }
      // end::vertx[]
      vertx.close();
      assertThat(fixture.fake.calls()).isNotEmpty();
    }
  }
}
