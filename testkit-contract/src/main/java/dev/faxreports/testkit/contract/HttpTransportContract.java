package dev.faxreports.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.faxreports.error.AuthenticationException;
import dev.faxreports.FaxReports;
import dev.faxreports.ReportsResult;
import dev.faxreports.RetryPolicy;
import dev.faxreports.error.FaxReportsException;
import dev.faxreports.error.ResponseTooLargeException;
import dev.faxreports.error.TransportException;
import dev.faxreports.model.Credentials;
import dev.faxreports.model.DataCenter;
import dev.faxreports.port.FaxReportsTransport;
import dev.faxreports.port.FaxReportsTransportProvider;
import dev.faxreports.port.TransportSettings;
import dev.faxreports.testkit.FakeFaxServer;
import dev.faxreports.testkit.FakeFaxService;
import dev.faxreports.model.FaxReport;
import dev.faxreports.testkit.Fault;
import dev.faxreports.testkit.Operation;
import dev.faxreports.testkit.RecordedRequest;
import dev.faxreports.testkit.SampleReports;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What an HTTP transport puts on the wire, which the SPI contract cannot see: headers, UTF-8
 * credentials, percent-encoded paths, redirects, its name for the {@link ServiceLoader}, behaviour
 * after close, and how a hostile answer (huge, endless, a gzip bomb) ends: with one attempt,
 * promptly, at the configured limit.
 */
public abstract class HttpTransportContract {

  private static final Credentials CREDENTIALS = ContractSubject.CREDENTIALS;

  private FakeFaxService fake;
  private FakeFaxServer server;
  private DataCenter de1;
  private FaxReportsTransport transport;

  /** The provider under test. */
  protected abstract FaxReportsTransportProvider provider();

  /** The name the provider must have, such as {@code feign}. */
  protected abstract String expectedName();

  @BeforeEach
  void start() {
    fake = FakeFaxService.europe();
    server = FakeFaxServer.start(fake, ContractSubject.CUSTOMER_NUMBER, CREDENTIALS);
    de1 = server.dataCenter(DataCenter.DE1);
    transport = provider().create(ContractSubject.SETTINGS);
  }

  @AfterEach
  void stop() {
    transport.close();
    server.close();
  }

  @Test
  void sendsUtf8BasicAuthAndJsonHeaders() {
    ContractSupport.await(transport.listOldest(de1));
    ContractSupport.await(transport.bulkGet(de1, List.of("A", "B")));

    RecordedRequest list = server.requests().get(0);
    String credentials = new String(Base64.getDecoder().decode(
        list.header("Authorization").substring("Basic ".length())), StandardCharsets.UTF_8);
    assertThat(credentials).isEqualTo(CREDENTIALS.username() + ":" + CREDENTIALS.password());
    assertThat(list.header("Accept")).isEqualTo("application/json");
    assertThat(list.header("Accept-Encoding")).as("asks for gzip").contains("gzip");
    assertThat(list.method()).isEqualTo("GET");
    assertThat(list.rawPath()).isEqualTo("/rest/v1/12345/fax/reports");

    RecordedRequest bulk = server.requests().get(1);
    assertThat(bulk.method()).isEqualTo("POST");
    assertThat(bulk.header("Content-Type")).isEqualTo("application/json");
    assertThat(bulk.bodyText()).isEqualTo("{\"action\":\"GET\",\"jobIds\":[\"A\",\"B\"]}");
  }

  @Test
  void jobIdsArePercentEncodedAsOnePathSegment() {
    ContractSupport.failureOf(transport.fetch(de1, "a b/../c?d#e%f"));
    ContractSupport.failureOf(transport.delete(de1, "%2F"));

    assertThat(server.requests()).extracting(RecordedRequest::rawPath).containsExactly(
        "/rest/v1/12345/fax/reports/a%20b%2F..%2Fc%3Fd%23e%25f",
        "/rest/v1/12345/fax/reports/%252F");
  }

  @Test
  void wrongCredentialsAreAnAuthenticationErrorThatDoesNotQuoteThem() {
    TransportSettings wrong = new TransportSettings(ContractSubject.CUSTOMER_NUMBER,
        new Credentials(CREDENTIALS.username(), "not-the-password"), Duration.ofSeconds(1), Duration.ofSeconds(2), 8,
        TransportSettings.DEFAULT_MAX_RESPONSE_BYTES);
    try (FaxReportsTransport other = provider().create(wrong)) {
      Throwable failure = ContractSupport.failureOf(other.listOldest(de1));
      assertThat(failure).isInstanceOf(AuthenticationException.class).hasMessageContaining("DE1");
      assertThat(failure.getMessage()).doesNotContain("not-the-password");
    }
  }

  @Test
  void redirectsAreNotFollowedAndCredentialsNeverReachTheOtherHost() throws IOException {
    AtomicInteger elsewhere = new AtomicInteger();
    HttpServer other = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    other.createContext("/", exchange -> {
      elsewhere.incrementAndGet();
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    HttpServer redirecting = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    redirecting.createContext("/", exchange -> {
      exchange.getResponseHeaders().add("Location",
          "http://127.0.0.1:" + other.getAddress().getPort() + "/collect");
      int status = switch (exchange.getRequestMethod()) {
        case "POST" -> 307;
        case "DELETE" -> 301;
        default -> 302;
      };
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
    });
    other.start();
    redirecting.start();
    try {
      DataCenter moved = new DataCenter("MOVED",
          URI.create("http://127.0.0.1:" + redirecting.getAddress().getPort() + "/rest/v1"));

      Throwable listing = ContractSupport.failureOf(transport.listOldest(moved));
      Throwable bulk = ContractSupport.failureOf(transport.bulkDelete(moved, List.of("A")));
      Throwable oldest = ContractSupport.failureOf(transport.deleteOldest(moved));

      assertThat(listing).isInstanceOf(FaxReportsException.class).hasMessageContaining("not followed");
      assertThat(((FaxReportsException) listing).httpStatus()).isEqualTo(302);
      assertThat(((FaxReportsException) bulk).httpStatus()).isEqualTo(307);
      assertThat(((FaxReportsException) oldest).httpStatus()).isEqualTo(301);
      assertThat(elsewhere).hasValue(0);
    } finally {
      redirecting.stop(0);
      other.stop(0);
    }
  }

  // ---- hostile answers --------------------------------------------------------------------------

  /** Small, so that the limit is met within the first megabyte of a hostile answer. */
  private static final long SMALL_LIMIT = 1 << 20;
  /** Long enough for a loopback read of the limit on a busy machine; far below any timeout here. */
  private static final Duration PROMPTLY = Duration.ofSeconds(5);

  @Test
  void anOversizedAnswerIsOneAttemptThroughTheFacadeAndEndsPromptly() {
    assertOneTooLargeAttempt(Fault.oversizedBody(256L << 20), 200); // 256 MiB announced
  }

  @Test
  void anOversizedServiceUnavailableIsNotRetriedEither() {
    assertOneTooLargeAttempt(Fault.oversizedBody(503, 64L << 20), 503);
  }

  @Test
  void anEndlessAnswerIsOneAttemptThroughTheFacadeAndEndsPromptly() {
    assertOneTooLargeAttempt(Fault.endlessBody(), 200);
  }

  @Test
  void aGzipBombIsOneAttemptThroughTheFacadeAndEndsPromptly() {
    assertOneTooLargeAttempt(Fault.gzipBomb(), 200);
  }

  @Test
  void anAnswerExactlyAtTheLimitIsRead() {
    try (FaxReportsTransport limited = provider().create(ContractSubject.SETTINGS.withMaxResponseBytes(SMALL_LIMIT))) {
      fake.faults().failNext(DataCenter.DE1, Operation.LIST, 1, Fault.oversizedBody(SMALL_LIMIT));
      fake.faults().failNext(DataCenter.DE1, Operation.LIST, 1, Fault.oversizedBody(SMALL_LIMIT + 1));

      assertThat(ContractSupport.await(limited.listOldest(de1))).as("valid JSON of padding reports").isNotEmpty();
      assertThat(ContractSupport.failureOf(limited.listOldest(de1))).isInstanceOf(ResponseTooLargeException.class);
    }
  }

  /**
   * Through the facade, with retries allowed and the fault armed for every attempt: the call ends
   * after one request, well within the request timeout, with the error naming the limit; the other
   * data center's answer still arrives.
   */
  private void assertOneTooLargeAttempt(Fault fault, int status) {
    fake.faults().failNext(DataCenter.DE1, Operation.LIST, 4, fault);
    fake.seed(DataCenter.DE2, SampleReports.delivered("IN-DE2", java.time.Instant.now()));
    try (FaxReports reports = FaxReports.builder().dataCenters(server.dataCenters())
        .customerNumber(ContractSubject.CUSTOMER_NUMBER).credentials(CREDENTIALS)
        .transport(provider()).maxResponseBytes(SMALL_LIMIT)
        .retryPolicy(new RetryPolicy(4, Duration.ofMillis(1), Duration.ofMillis(20), 2.0)).build()) {
      long start = System.nanoTime();

      ReportsResult result = reports.list();

      Duration took = Duration.ofNanos(System.nanoTime() - start);
      FaxReportsException failure = result.failures().get(de1);
      assertThat(failure).isInstanceOf(ResponseTooLargeException.class)
          .hasMessageContaining("DE1").hasMessageContaining("exceeded " + SMALL_LIMIT + " bytes")
          .hasMessageContaining("maxResponseBytes").hasMessageContaining("retarus.fax.max-response-bytes");
      assertThat(failure.httpStatus()).isEqualTo(status);
      assertThat(result.reports()).extracting(FaxReport::jobId).containsExactly("IN-DE2");
      assertThat(server.requests()).filteredOn(request -> request.dataCenter().equals("DE1"))
          .as("not retried").hasSize(1);
      assertThat(took).as("ended by the limit, not by a timeout").isLessThan(PROMPTLY);
      fake.faults().clear();
      assertThat(reports.list().isComplete()).as("the next call is answered").isTrue();
    }
  }

  @Test
  void callsAfterCloseFailClearlyAndCloseIsIdempotent() {
    ContractSupport.await(transport.listOldest(de1));

    transport.close();

    assertThat(ContractSupport.failureOf(transport.listOldest(de1))).isInstanceOf(TransportException.class)
        .hasMessageContaining("closed");
    transport.close();
  }

  @Test
  void theServiceLoaderFindsItByItsName() {
    assertThat(ServiceLoader.load(FaxReportsTransportProvider.class).stream()
        .map(ServiceLoader.Provider::get).map(FaxReportsTransportProvider::name))
        .contains(expectedName());
    assertThat(provider().name()).isEqualTo(expectedName());
  }

  @Test
  void toStringShowsNoCredentials() {
    assertThat(transport.toString()).doesNotContain(CREDENTIALS.password())
        .doesNotContain(CREDENTIALS.basicAuthorization().substring("Basic ".length()));
  }
}
