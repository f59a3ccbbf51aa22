package dev.faxreports.cli.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** /health and /metrics stay answerable whatever slow or silent clients hold connections open. */
class MetricsServerTest {

  private static final int SLOW_CLIENTS = 100;

  @Test
  void aHundredClientsSendingByteByByteLeaveHealthAnsweringWithinAProbesTimeout() throws Exception {
    WatchHealth health = new WatchHealth();
    try (MetricsServer server = MetricsServer.start("127.0.0.1", 0, () -> "faxreports_up 1\n", health)) {
      URI base = URI.create(server.url());
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(1)).build();
      // The client's own first request loads its classes: on a busy machine that alone can take a second.
      assertThat(client.send(HttpRequest.newBuilder(base.resolve("/health")).build(),
          HttpResponse.BodyHandlers.ofString()).body()).isNotBlank();
      List<Socket> slow = new ArrayList<>();
      try {
        for (int i = 0; i < SLOW_CLIENTS; i++) {
          Socket socket = new Socket();
          socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
          slow.add(socket);
        }
        String request = "GET /health HTTP/1.1\r\nHost: x\r\n";
        for (int round = 0; round < 3; round++) { // each client sends one more byte of its request
          for (Socket socket : slow) {
            OutputStream out = socket.getOutputStream();
            out.write(request.charAt(round));
            out.flush();
          }
          long started = System.nanoTime();
          // The Kubernetes default: a liveness probe that takes over a second fails.
          HttpResponse<String> answer = client.send(HttpRequest.newBuilder(base.resolve("/health"))
              .timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers.ofString());
          long millis = (System.nanoTime() - started) / 1_000_000;

          assertThat(answer.body()).as("answered in %d ms", millis).isNotBlank();
        }
        HttpResponse<String> metrics = client.send(HttpRequest.newBuilder(base.resolve("/metrics"))
            .timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).isEqualTo("faxreports_up 1\n");
      } finally {
        for (Socket socket : slow) {
          closeQuietly(socket);
        }
      }
    }
  }

  @Test
  void otherPathsAndMethodsAreRefusedClearly() throws Exception {
    try (MetricsServer server = MetricsServer.start("127.0.0.1", 0, () -> "", new WatchHealth())) {
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      URI base = URI.create(server.url());

      HttpResponse<String> unknown = client.send(HttpRequest.newBuilder(base.resolve("/x")).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      HttpResponse<String> post = client.send(HttpRequest.newBuilder(base.resolve("/health"))
          .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());

      assertThat(unknown.statusCode()).isEqualTo(404);
      assertThat(unknown.body()).contains("/metrics").contains("/health");
      assertThat(post.statusCode()).isEqualTo(405);
      assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // the test is over
    }
  }
}
