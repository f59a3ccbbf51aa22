package dev.faxreports.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.faxreports.error.InvalidArgumentException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * {@code watch}'s HTTP endpoint, on the JDK's own server: {@code GET /metrics} (Prometheus text)
 * and {@code GET /health} (200 or 503, a line of text saying why). A few daemon threads answer,
 * none of the drain's: a slow client holds up neither the drain nor, for long, the others.
 */
final class MetricsServer implements AutoCloseable {

  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
  /** A probe and a scraper at once, with room for a slow one. */
  private static final int ANSWERING_THREADS = 4;
  /** Seconds a client may take to send its request, or to take the answer. */
  private static final String SLOW_CLIENT_SECONDS = "10";

  private final HttpServer server;
  private final ExecutorService answering;

  private MetricsServer(HttpServer server, ExecutorService answering) {
    this.server = server;
    this.answering = answering;
  }

  /**
   * Listens on {@code address:port} (port 0: any free one).
   *
   * @throws InvalidArgumentException when the address cannot be bound (taken, not local)
   */
  static MetricsServer start(String address, int port, Supplier<String> metrics, WatchHealth health) {
    limitSlowClients();
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(address, port), 16);
    } catch (IOException e) {
      throw new InvalidArgumentException("cannot serve metrics on " + address + ":" + port + ": " + e.getMessage());
    }
    server.createContext("/metrics", exchange -> answer(exchange, 200, PROMETHEUS_TEXT, metrics.get()));
    server.createContext("/health", exchange -> {
      WatchHealth.Status status = health.status();
      answer(exchange, status.healthy() ? 200 : 503, "text/plain; charset=utf-8", status.text() + "\n");
    });
    ExecutorService answering = Executors.newFixedThreadPool(ANSWERING_THREADS, task -> {
      Thread thread = new Thread(task, "faxreports-metrics");
      thread.setDaemon(true);
      return thread;
    });
    server.setExecutor(answering);
    server.start();
    return new MetricsServer(server, answering);
  }

  /**
   * Without limits the JDK's server waits for ever on a client that sends half a request, holding
   * a thread: a few such sockets would leave a liveness probe unanswered and get a healthy watch
   * restarted. The server reads these settings once, when first used; one set by the user wins.
   */
  private static void limitSlowClients() {
    for (String limit : new String[] {"sun.net.httpserver.maxReqTime", "sun.net.httpserver.maxRspTime"}) {
      if (System.getProperty(limit) == null) {
        System.setProperty(limit, SLOW_CLIENT_SECONDS);
      }
    }
  }

  /** Where it listens, e.g. {@code http://127.0.0.1:9464}. */
  String url() {
    InetSocketAddress bound = server.getAddress();
    String host = bound.getAddress().getHostAddress();
    return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + bound.getPort();
  }

  private static void answer(HttpExchange exchange, int status, String contentType, String body) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      if (!path.equals("/metrics") && !path.equals("/health")) {
        send(exchange, 404, "text/plain; charset=utf-8", "not found: try /metrics or /health\n");
      } else if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        send(exchange, 405, "text/plain; charset=utf-8", "only GET\n");
      } else {
        send(exchange, status, contentType, body);
      }
    }
  }

  private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
    if (!head) {
      try (OutputStream stream = exchange.getResponseBody()) {
        stream.write(bytes);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    answering.shutdownNow();
  }
}
