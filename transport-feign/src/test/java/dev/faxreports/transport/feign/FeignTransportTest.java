package dev.faxreports.transport.feign;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.faxreports.error.AuthenticationException;
import dev.faxreports.error.FaxReportsException;
import dev.faxreports.error.TransportException;
import dev.faxreports.model.Credentials;
import dev.faxreports.model.DataCenter;
import dev.faxreports.port.FaxReportsTransportProvider;
import dev.faxreports.port.TransportSettings;
import dev.faxreports.testkit.FakeFaxServer;
import dev.faxreports.testkit.FakeFaxService;
import dev.faxreports.testkit.RecordedRequest;
import dev.faxreports.testkit.SampleReports;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the contract suite cannot see: what goes over the wire, redirects, lifecycle. */
class FeignTransportTest {

  private static final Credentials CREDENTIALS = new Credentials("fax-üser", "pässwörd:✓");
  private static final TransportSettings SETTINGS = new TransportSettings(
      "12345", CREDENTIALS, Duration.ofSeconds(1), Duration.ofSeconds(2), 8);

  private final FakeFaxService fake = FakeFaxService.europe();
  private final FakeFaxServer server = FakeFaxServer.start(fake, "12345", CREDENTIALS);
  private final DataCenter de1 = server.dataCenter(DataCenter.DE1);
  private final FeignTransport transport = FeignTransport.create(SETTINGS);

  @AfterEach
  void close() {
    transport.close();
    server.close();
  }

  private static <T> T await(java.util.concurrent.CompletionStage<T> stage) throws Exception {
    return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private static Throwable failure(java.util.concurrent.CompletionStage<?> stage) throws Exception {
    try {
      stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      return e.getCause();
    }
    throw new AssertionError("expected a failure");
  }

  @Test
  void sendsUtf8BasicAuthAndJsonHeaders() throws Exception {
    await(transport.listOldest(de1));
    await(transport.bulkGet(de1, List.of("A", "B")));

    RecordedRequest list = server.requests().get(0);
    String credentials = new String(Base64.getDecoder().decode(
        list.header("Authorization").substring("Basic ".length())), StandardCharsets.UTF_8);
    assertThat(credentials).isEqualTo("fax-üser:pässwörd:✓");
    assertThat(list.header("Accept")).isEqualTo("application/json");
    assertThat(list.method()).isEqualTo("GET");
    assertThat(list.rawPath()).isEqualTo("/rest/v1/12345/fax/reports");

    RecordedRequest bulk = server.requests().get(1);
    assertThat(bulk.method()).isEqualTo("POST");
    assertThat(bulk.header("Content-Type")).isEqualTo("application/json");
    assertThat(bulk.bodyText()).isEqualTo("{\"action\":\"GET\",\"jobIds\":[\"A\",\"B\"]}");
  }

  @Test
  void jobIdsArePercentEncodedAsOnePathSegment() throws Exception {
    failure(transport.fetch(de1, "a b/../c?d#e%f"));

    assertThat(server.requests().get(0).rawPath())
        .isEqualTo("/rest/v1/12345/fax/reports/a%20b%2F..%2Fc%3Fd%23e%25f");
  }

  @Test
  void wrongCredentialsAreAnAuthenticationError() throws Exception {
    try (FeignTransport wrong = FeignTransport.create(new TransportSettings("12345",
        new Credentials("fax-üser", "wrong"), Duration.ofSeconds(1), Duration.ofSeconds(2), 8))) {
      Throwable failure = failure(wrong.listOldest(de1));
      assertThat(failure).isInstanceOf(AuthenticationException.class).hasMessageContaining("DE1");
      assertThat(failure.getMessage()).doesNotContain("wrong");
    }
  }

  @Test
  void redirectsAreNotFollowedAndCredentialsNeverReachTheOtherHost() throws Exception {
    AtomicInteger elsewhere = new AtomicInteger();
    HttpServer other = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    other.createContext("/", exchange -> {
      elsewhere.incrementAndGet();
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    HttpServer redirecting = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    redirecting.createContext("/", exchange -> {
      exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + other.getAddress().getPort() + "/steal");
      exchange.sendResponseHeaders(302, -1);
      exchange.close();
    });
    other.start();
    redirecting.start();
    try {
      DataCenter moved = new DataCenter("MOVED", URI.create("http://127.0.0.1:" + redirecting.getAddress().getPort() + "/rest/v1"));

      Throwable failure = failure(transport.listOldest(moved));

      assertThat(failure).isInstanceOf(FaxReportsException.class).hasMessageContaining("not followed");
      assertThat(((FaxReportsException) failure).httpStatus()).isEqualTo(302);
      assertThat(elsewhere).hasValue(0);
    } finally {
      redirecting.stop(0);
      other.stop(0);
    }
  }

  @Test
  void closeReleasesTheThreadsAndLaterCallsFailClearly() throws Exception {
    fake.seed(DataCenter.DE1, SampleReports.delivered("A", Instant.now()));
    await(transport.listOldest(de1));

    transport.close();
    CompletableFuture<?> after = transport.listOldest(de1).toCompletableFuture();

    assertThat(transport.isClosed()).isTrue();
    assertThat(failure(after)).isInstanceOf(TransportException.class).hasMessageContaining("closed");
    transport.close(); // idempotent
  }

  @Test
  void theServiceLoaderFindsItAsFeign() {
    assertThat(ServiceLoader.load(FaxReportsTransportProvider.class).stream()
        .map(ServiceLoader.Provider::get).map(FaxReportsTransportProvider::name))
        .containsExactly("feign");
  }

  @Test
  void toStringShowsNoCredentials() {
    assertThat(transport.toString()).doesNotContain("pässwörd").doesNotContain(CREDENTIALS.basicAuthorization());
  }
}
