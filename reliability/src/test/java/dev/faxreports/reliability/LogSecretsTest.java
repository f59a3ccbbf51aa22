package dev.faxreports.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faxreports.FaxReports;
import dev.faxreports.FaxReportsBuilder;
import dev.faxreports.config.ConfigSource;
import dev.faxreports.config.ConfigValue;
import dev.faxreports.model.Credentials;
import dev.faxreports.model.DataCenter;
import dev.faxreports.port.TransportSettings;
import dev.faxreports.testkit.Fault;
import dev.faxreports.testkit.Operation;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Runs in a JVM of its own with every SLF4J logger at TRACE and Vert.x logging through SLF4J (see
 * the secrets-at-trace execution in reliability/pom.xml), plus every java.util.logging record: a
 * whole session with faults and a wrong password, through both transports, leaves the password and
 * the Authorization value in no log line, exception message or toString.
 */
class LogSecretsTest {

  private static final String WRONG = "Wrong-Secret-Passwort-7";

  @Test
  void noSecretInAnyLogLineMessageOrToString() {
    List<String> seen = new ArrayList<>();
    ByteArrayOutputStream logged = new ByteArrayOutputStream();
    PrintStream original = System.out;
    Logger julRoot = Logger.getLogger("");
    Handler julCapture = new Handler() {
      @Override
      public void publish(LogRecord record) {
        seen.add(record.getLoggerName() + " " + record.getMessage() + " " + record.getThrown());
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    Level julLevel = julRoot.getLevel();
    julRoot.setLevel(Level.ALL);
    julRoot.addHandler(julCapture);
    System.setOut(new PrintStream(logged, true, StandardCharsets.UTF_8));
    try (Harness harness = new Harness()) {
      harness.seed(1_100);
      for (String transport : List.of("feign", "vertx")) {
        session(harness, transport, seen);
      }
    } finally {
      System.setOut(original);
      julRoot.removeHandler(julCapture);
      julRoot.setLevel(julLevel);
    }
    String logs = logged.toString(StandardCharsets.UTF_8);
    seen.add(logs);

    assertThat(logs).as("TRACE logging was really on").contains("TRACE").contains("-> 200");
    for (String secret : secrets()) {
      assertThat(seen).allSatisfy(text -> assertThat(text).doesNotContain(secret));
    }
  }

  private static void session(Harness harness, String transport, List<String> seen) {
    harness.fake.faults()
        .failNext(Operation.LIST, 2, Fault.unavailable())
        .failNext(Operation.BULK_GET, 1, Fault.htmlErrorPage(502))
        .failNext(Operation.BULK_DELETE, 1, Fault.truncatedJson())
        .failNext(Operation.LIST, 1, Fault.connectionClosedMidBody());
    try (FaxReports reports = harness.facade(transport)) {
      seen.add(reports.toString());
      seen.add(reports.async().toString());
      reports.list();
      reports.getMany(List.of("DE100000001", "NOPE"));
      reports.deleteMany(List.of("DE100000002"));
      reports.drain(page -> { });
      harness.fake.faults().failNext(Operation.FETCH, 1, Fault.unauthorized());
      capture(seen, () -> reports.get("DE100000003"));
      harness.fake.faults().down(DataCenter.DE2);
      capture(seen, () -> reports.get("DE100000004"));
      harness.fake.faults().up(DataCenter.DE2);
    }
    FaxReportsBuilder wrong = FaxReports.builder().dataCenters(harness.server.dataCenters())
        .customerNumber(Harness.CUSTOMER).credentials(new Credentials(Harness.CREDENTIALS.username(), WRONG))
        .transportName(transport);
    seen.add(wrong.toString());
    try (FaxReports reports = wrong.build()) {
      capture(seen, reports::list);
    }
    seen.add(Harness.CREDENTIALS.toString());
    seen.add(TransportSettings.of(Harness.CUSTOMER, Harness.CREDENTIALS).toString());
    seen.add(new ConfigValue("retarus.fax.password", WRONG, "environment variable RETARUS_PASSWORD").toString());
    capture(seen, () -> FaxReports.builder().configure(ConfigSource.of(Map.of(
        "retarus.fax.password", WRONG, "retarus.fax.username", "a:b"))));
  }

  private static void capture(List<String> seen, Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        seen.add(t.toString());
        for (Throwable suppressed : t.getSuppressed()) {
          seen.add(suppressed.toString());
        }
      }
    }
  }

  private static List<String> secrets() {
    return List.of(Harness.CREDENTIALS.password(), WRONG,
        Harness.CREDENTIALS.basicAuthorization().substring("Basic ".length()),
        new Credentials(Harness.CREDENTIALS.username(), WRONG).basicAuthorization().substring("Basic ".length()));
  }
}
