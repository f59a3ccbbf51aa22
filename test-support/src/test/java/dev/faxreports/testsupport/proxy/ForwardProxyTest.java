package dev.faxreports.testsupport.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The proxy the network tests rely on: it forwards, resolves what only it knows, checks credentials. */
class ForwardProxyTest {

  private static final String HIDDEN_HOST = "faxws.proxy-only.test";
  private HttpServer origin;

  @BeforeEach
  void startOrigin() throws IOException {
    origin = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    origin.createContext("/", exchange -> {
      byte[] body = "hello".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    origin.start();
  }

  @AfterEach
  void stopOrigin() {
    origin.stop(0);
  }

  private HttpResponse<String> get(ForwardProxy proxy, String proxyAuthorization) throws Exception {
    HttpClient client = HttpClient.newBuilder()
        .proxy(ProxySelector.of(new InetSocketAddress("127.0.0.1", proxy.port()))).build();
    HttpRequest.Builder request = HttpRequest.newBuilder(
        URI.create("http://" + HIDDEN_HOST + ":" + origin.getAddress().getPort() + "/x"));
    if (proxyAuthorization != null) {
      request.header("Proxy-Authorization", proxyAuthorization);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void forwardsToAHostOnlyItCanResolve() throws Exception {
    try (ForwardProxy proxy = ForwardProxy.builder().resolve(HIDDEN_HOST).start()) {
      HttpResponse<String> response = get(proxy, null);

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).isEqualTo("hello");
      assertThat(proxy.received()).anyMatch(request -> request.target().contains(HIDDEN_HOST));
      assertThat(proxy.connections()).isEqualTo(1);
      assertThat(proxy.bytesReceived()).isGreaterThan("GET http://x/x HTTP/1.1\r\n\r\n".length());
    }
  }

  @Test
  void requiresItsCredentialsWhenAskedTo() throws Exception {
    try (ForwardProxy proxy = ForwardProxy.builder().resolve(HIDDEN_HOST).basicAuth("proxy-user", "s3cret ✓").start()) {
      String good = "Basic " + Base64.getEncoder().encodeToString("proxy-user:s3cret ✓".getBytes(StandardCharsets.UTF_8));
      String bad = "Basic " + Base64.getEncoder().encodeToString("proxy-user:wrong".getBytes(StandardCharsets.UTF_8));

      assertThat(get(proxy, null).statusCode()).isEqualTo(407);
      assertThat(get(proxy, bad).statusCode()).isEqualTo(407);
      assertThat(get(proxy, good).statusCode()).isEqualTo(200);
      assertThat(proxy.authenticationRefusals()).isEqualTo(2);
    }
  }
}
