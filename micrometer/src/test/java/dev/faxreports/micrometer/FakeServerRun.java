package dev.faxreports.micrometer;

import dev.faxreports.FaxReports;
import dev.faxreports.FaxReportsBuilder;
import dev.faxreports.RetryPolicy;
import dev.faxreports.observe.FaxReportsObserver;
import dev.faxreports.port.FaxReportsTransportProvider;
import dev.faxreports.testkit.FakeFaxServer;
import dev.faxreports.testkit.FakeFaxService;
import dev.faxreports.testkit.Operation;
import dev.faxreports.testkit.contract.ContractSubject;
import dev.faxreports.transport.feign.FeignTransportProvider;
import dev.faxreports.transport.vertx.VertxTransportProvider;
import java.time.Duration;

/** The HTTP fake server and a facade over it with one of the real transports. */
final class FakeServerRun implements AutoCloseable {

  final FakeFaxService fake;
  final FakeFaxServer server;

  FakeServerRun(FakeFaxService fake) {
    this.fake = fake;
    this.server = FakeFaxServer.start(fake, ContractSubject.CUSTOMER_NUMBER, ContractSubject.CREDENTIALS);
  }

  /** A facade over {@code transport} ("feign" or "vertx") with fast retries and {@code observer}. */
  FaxReports facade(String transport, FaxReportsObserver observer) {
    return builder(transport).observer(observer).build();
  }

  FaxReportsBuilder builder(String transport) {
    FaxReportsTransportProvider provider = switch (transport) {
      case "feign" -> new FeignTransportProvider();
      case "vertx" -> new VertxTransportProvider();
      default -> throw new IllegalArgumentException(transport);
    };
    return FaxReports.builder()
        .dataCenters(server.dataCenters())
        .customerNumber(ContractSubject.CUSTOMER_NUMBER)
        .credentials(ContractSubject.CREDENTIALS)
        .transport(provider)
        .requestTimeout(Duration.ofSeconds(5))
        .retryPolicy(new RetryPolicy(4, Duration.ofMillis(1), Duration.ofMillis(20), 2.0));
  }

  /** The tag value of the observed operation a recorded call stands for. */
  static String tagOf(Operation operation) {
    return switch (operation) {
      case LIST -> "list";
      case FETCH -> "get";
      case DELETE -> "delete";
      case DELETE_OLDEST -> "delete.oldest";
      case BULK_GET -> "bulk.get";
      case BULK_DELETE -> "bulk.delete";
    };
  }

  @Override
  public void close() {
    server.close();
  }
}
