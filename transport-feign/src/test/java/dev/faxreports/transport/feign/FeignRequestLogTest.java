package dev.faxreports.transport.feign;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faxreports.model.Credentials;
import dev.faxreports.model.DataCenter;
import dev.faxreports.port.TransportSettings;
import dev.faxreports.testkit.FakeFaxServer;
import dev.faxreports.testkit.FakeFaxService;
import dev.faxreports.testkit.Fault;
import dev.faxreports.testkit.Operation;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each request is logged with method, URL, status and duration, and never with credentials. */
class FeignRequestLogTest {

  private static final Credentials CREDENTIALS = new Credentials("log-user", "Sup3r-Secret-Pw");

  @Test
  void logsMethodUrlStatusAndDurationButNoCredentials() throws Exception {
    FakeFaxService fake = FakeFaxService.europe();
    fake.faults().failNext(Operation.BULK_DELETE, 1, Fault.unavailable());
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try (FakeFaxServer server = FakeFaxServer.start(fake, "12345", CREDENTIALS);
         FeignTransport transport = FeignTransport.create(new TransportSettings(
             "12345", CREDENTIALS, Duration.ofSeconds(1), Duration.ofSeconds(2), 8,
             TransportSettings.DEFAULT_MAX_RESPONSE_BYTES))) {
      DataCenter de1 = server.dataCenter(DataCenter.DE1);
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      transport.listOldest(de1).toCompletableFuture().join();
      transport.bulkDelete(de1, List.of("A")).toCompletableFuture().handle((r, e) -> null).join();
    } finally {
      System.setOut(original);
    }

    String log = captured.toString(StandardCharsets.UTF_8);
    assertThat(log).containsPattern("DE1 GET http://127\\.0\\.0\\.1:\\d+/rest/v1/12345/fax/reports -> 200 in \\d+ ms");
    assertThat(log).containsPattern("DE1 POST http://127\\.0\\.0\\.1:\\d+/rest/v1/12345/fax/reports -> 503 in \\d+ ms");
    assertThat(log).doesNotContain("Sup3r-Secret-Pw").doesNotContain(CREDENTIALS.basicAuthorization().substring(6));
  }
}
