package dev.faxreports.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faxreports.model.Credentials;
import dev.faxreports.model.DataCenter;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The HTTP details of the fake server, seen with a plain HTTP client. */
class FakeFaxServerTest {

  private static final Credentials CREDENTIALS = new Credentials("user", "pässwörd");
  private final FakeFaxService fake = FakeFaxService.europe();
  private final FakeFaxServer server = FakeFaxServer.start(fake, "12345", CREDENTIALS);
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<String> send(String method, String path, String authorization, String body) throws Exception {
    DataCenter de1 = server.dataCenter(DataCenter.DE1);
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(de1.baseUri() + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  @Test
  void servesEveryDataCenterOnItsOwnLoopbackPort() {
    assertThat(server.dataCenters()).extracting(DataCenter::name).containsExactly("DE1", "DE2");
    assertThat(server.dataCenters()).allMatch(DataCenter::isLoopback);
    assertThat(server.dataCenters()).extracting(dc -> dc.baseUri().getPort()).doesNotHaveDuplicates();
  }

  @Test
  void checksBasicAuthAsUtf8() throws Exception {
    assertThat(send("GET", "/12345/fax/reports", null, null).statusCode()).isEqualTo(401);
    assertThat(send("GET", "/12345/fax/reports", new Credentials("user", "wrong").basicAuthorization(), null)
        .statusCode()).isEqualTo(401);
    HttpResponse<String> ok = send("GET", "/12345/fax/reports", CREDENTIALS.basicAuthorization(), null);
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.body()).isEqualTo("{\"reports\":[]}");
  }

  @Test
  void rejectsAnotherCustomerNumberAndUnknownPaths() throws Exception {
    assertThat(send("GET", "/99999/fax/reports", CREDENTIALS.basicAuthorization(), null).statusCode()).isEqualTo(404);
    assertThat(send("GET", "/12345/fax/other", CREDENTIALS.basicAuthorization(), null).statusCode()).isEqualTo(404);
    assertThat(send("PUT", "/12345/fax/reports", CREDENTIALS.basicAuthorization(), null).statusCode()).isEqualTo(405);
  }

  @Test
  void theBulkActionIsCaseInsensitiveAndABadBodyIsABadRequest() throws Exception {
    fake.seed(DataCenter.DE1, SampleReports.delivered("A", Instant.now()));

    HttpResponse<String> got = send("POST", "/12345/fax/reports", CREDENTIALS.basicAuthorization(),
        "{\"action\":\"gEt\",\"jobIds\":[\"A\",\"B\"]}");
    assertThat(got.statusCode()).isEqualTo(200);
    assertThat(got.body()).contains("\"jobId\":\"A\"").doesNotContain("\"B\"");
    assertThat(send("POST", "/12345/fax/reports", CREDENTIALS.basicAuthorization(), "{\"action\":\"PURGE\",\"jobIds\":[]}")
        .statusCode()).isEqualTo(400);
    assertThat(send("POST", "/12345/fax/reports", CREDENTIALS.basicAuthorization(), "not json").statusCode()).isEqualTo(400);
  }

  @Test
  void errorsCarryTheServicesJsonBodyAndHtmlFaultsDoNot() throws Exception {
    HttpResponse<String> missing = send("GET", "/12345/fax/reports/NOPE", CREDENTIALS.basicAuthorization(), null);
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).startsWith("{\"code\":404,\"message\":");

    fake.faults().failNext(Operation.LIST, 1, Fault.htmlErrorPage(502));
    HttpResponse<String> html = send("GET", "/12345/fax/reports", CREDENTIALS.basicAuthorization(), null);
    assertThat(html.statusCode()).isEqualTo(502);
    assertThat(html.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
  }

  @Test
  void recordsRequestsAsTheyArrivedWithoutShowingCredentials() throws Exception {
    send("GET", "/12345/fax/reports/A%2FB", CREDENTIALS.basicAuthorization(), null);

    RecordedRequest request = server.requests().get(0);
    assertThat(request.rawPath()).isEqualTo("/rest/v1/12345/fax/reports/A%2FB");
    assertThat(request.header("Authorization")).isEqualTo(CREDENTIALS.basicAuthorization());
    assertThat(request.toString()).doesNotContain(CREDENTIALS.basicAuthorization());
    assertThat(fake.calls(Operation.FETCH)).singleElement().satisfies(c -> assertThat(c.jobIds()).containsExactly("A/B"));
  }

  @Test
  void aNullJobIdInABulkRequestIsABadRequest() throws Exception {
    HttpResponse<String> answer = send("POST", "/12345/fax/reports", CREDENTIALS.basicAuthorization(),
        "{\"action\":\"GET\",\"jobIds\":[\"A\",null]}");

    assertThat(answer.statusCode()).isEqualTo(400);
  }

  @Test
  void aClosedServerStaysClosedWhenAFaultIsLifted() throws Exception {
    DataCenter de1 = server.dataCenter(DataCenter.DE1);
    fake.faults().down(DataCenter.DE1);
    server.close();

    fake.faults().up(DataCenter.DE1);

    try (java.net.Socket socket = new java.net.Socket()) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> socket.connect(
          new java.net.InetSocketAddress("127.0.0.1", de1.baseUri().getPort()), 1_000))
          .isInstanceOf(java.io.IOException.class);
    }
  }

  // ---- hostile answers, as they are on the wire ---------------------------------------------

  private HttpResponse<InputStream> stream(String path) throws Exception {
    DataCenter de1 = server.dataCenter(DataCenter.DE1);
    return http.send(HttpRequest.newBuilder(URI.create(de1.baseUri() + path))
        .header("Authorization", CREDENTIALS.basicAuthorization()).build(), HttpResponse.BodyHandlers.ofInputStream());
  }

  @Test
  void anOversizedBodyIsValidJsonOfExactlyTheAnnouncedSize() throws Exception {
    fake.faults().failNext(Operation.LIST, 1, Fault.oversizedBody(300_001));
    fake.faults().failNext(Operation.LIST, 1, Fault.oversizedBody(503, 20));
    fake.seed(DataCenter.DE1, SampleReports.delivered("KEPT", Instant.now()));

    HttpResponse<byte[]> oversized = http.send(HttpRequest.newBuilder(URI.create(server.dataCenter(DataCenter.DE1).baseUri()
        + "/12345/fax/reports")).header("Authorization", CREDENTIALS.basicAuthorization()).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    HttpResponse<String> tiny = send("GET", "/12345/fax/reports", CREDENTIALS.basicAuthorization(), null);

    assertThat(oversized.statusCode()).isEqualTo(200);
    assertThat(oversized.headers().firstValueAsLong("Content-Length")).hasValue(300_001);
    assertThat(oversized.body()).hasSize(300_001);
    assertThat(dev.faxreports.wire.WireFormat.readReports(oversized.body())).hasSizeGreaterThan(100)
        .allSatisfy(report -> assertThat(report.jobId()).isEqualTo("HOSTILE-PADDING"));
    assertThat(tiny.statusCode()).isEqualTo(503);
    assertThat(tiny.body()).as("too small for a report: an empty listing").isEqualTo("{\"reports\":[      ]}");
    assertThat(fake.reports(DataCenter.DE1)).as("the service did not act").hasSize(1);
  }

  @Test
  void anEndlessBodyStreamsUntilItsTimeLimit() throws Exception {
    fake.faults().failNext(Operation.LIST, 1, Fault.endlessBody(Duration.ofMillis(300)));
    long start = System.nanoTime();

    HttpResponse<InputStream> answer = stream("/12345/fax/reports");
    long read;
    try (InputStream body = answer.body()) {
      read = body.transferTo(java.io.OutputStream.nullOutputStream());
    } catch (java.io.IOException cut) {
      read = -1; // the server may end a chunked body abruptly: still ended
    }

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(read).as("streamed plenty, then stopped").satisfiesAnyOf(
        n -> assertThat(n).isGreaterThan(1_000_000), n -> assertThat(n).isEqualTo(-1));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void aGzipBombIsAboutAMegabyteThatInflatesToAGibibyteOfJson() throws Exception {
    fake.faults().failNext(Operation.LIST, 1, Fault.gzipBomb());

    HttpResponse<InputStream> answer = stream("/12345/fax/reports");
    long compressed = answer.headers().firstValueAsLong("Content-Length").orElseThrow();
    byte[] head;
    long inflated;
    try (InputStream body = new GZIPInputStream(answer.body(), 1 << 16)) {
      head = body.readNBytes(12);
      inflated = head.length + body.transferTo(java.io.OutputStream.nullOutputStream());
    }

    assertThat(answer.headers().firstValue("Content-Encoding")).hasValue("gzip");
    assertThat(compressed).isLessThan(2_000_000);
    assertThat(inflated).isGreaterThanOrEqualTo(Fault.GZIP_BOMB_INFLATED_BYTES);
    assertThat(new String(head, StandardCharsets.US_ASCII)).isEqualTo("{\"reports\":[");
  }

  @Test
  void aGzipEncodedAnswerIsTheCorrectAnswerCompressed() throws Exception {
    fake.seed(DataCenter.DE1, SampleReports.delivered("A", Instant.now()));
    fake.faults().failNext(Operation.LIST, 1, Fault.gzipEncoded());

    HttpResponse<InputStream> answer = stream("/12345/fax/reports");
    byte[] body;
    try (InputStream in = new GZIPInputStream(answer.body())) {
      body = in.readAllBytes();
    }

    assertThat(answer.headers().firstValue("Content-Encoding")).hasValue("gzip");
    assertThat(dev.faxreports.wire.WireFormat.readReports(body)).extracting(r -> r.jobId()).containsExactly("A");
  }
}
