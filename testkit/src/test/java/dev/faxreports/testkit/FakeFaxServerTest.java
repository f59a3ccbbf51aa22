package dev.faxreports.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faxreports.model.Credentials;
import dev.faxreports.model.DataCenter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
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
}
