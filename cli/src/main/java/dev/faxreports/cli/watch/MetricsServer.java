package dev.faxreports.cli.watch;

import dev.faxreports.error.InvalidArgumentException;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * {@code watch}'s HTTP endpoint: {@code GET /metrics} (Prometheus text) and {@code GET /health}
 * (200 or 503, a line of text saying why), on a Vert.x HTTP server of its own, one event loop,
 * none of the drain's threads.
 *
 * <p>Why Vert.x and not the JDK's server: that one gives each connection a thread while it reads
 * the request, so a handful of clients sending a byte a second took every thread, and a liveness
 * probe with a one-second timeout failed while the drain was healthy. An event loop holds no
 * thread for a slow client: thousands of them cost some memory and nothing else, and a connection
 * silent for {@link #IDLE_SECONDS} is closed.
 */
final class MetricsServer implements AutoCloseable {

  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
  private static final String TEXT = "text/plain; charset=utf-8";
  /** Seconds a connection may stay silent, half a request included, before it is closed. */
  static final int IDLE_SECONDS = 10;
  /** Bytes of headers a request may have: a probe sends a few hundred. */
  private static final int MAX_HEADER_BYTES = 8 * 1024;

  private final Vertx vertx;
  private final HttpServer server;
  private final String host;

  private MetricsServer(Vertx vertx, HttpServer server, String host) {
    this.vertx = vertx;
    this.server = server;
    this.host = host;
  }

  /**
   * Listens on {@code address:port} (port 0: any free one).
   *
   * @throws InvalidArgumentException when the address cannot be bound (taken, not local)
   */
  static MetricsServer start(String address, int port, Supplier<String> metrics, WatchHealth health) {
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1)
        .setInternalBlockingPoolSize(1)
        .setFileSystemOptions(new FileSystemOptions().setFileCachingEnabled(false).setClassPathResolvingEnabled(false)));
    HttpServer server = vertx.createHttpServer(new HttpServerOptions()
        .setHost(address).setPort(port)
        .setIdleTimeout(IDLE_SECONDS).setIdleTimeoutUnit(TimeUnit.SECONDS)
        .setMaxHeaderSize(MAX_HEADER_BYTES)
        .setCompressionSupported(false));
    server.requestHandler(request -> answer(request, metrics, health));
    try {
      server.listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      vertx.close();
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new InvalidArgumentException("cannot serve metrics on " + address + ":" + port + ": " + cause.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      vertx.close();
      throw new IllegalStateException("interrupted while starting the metrics server", e);
    }
    return new MetricsServer(vertx, server, address);
  }

  /** Where it listens, e.g. {@code http://127.0.0.1:9464}. */
  String url() {
    return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + server.actualPort();
  }

  private static void answer(HttpServerRequest request, Supplier<String> metrics, WatchHealth health) {
    String path = request.path();
    if (!path.equals("/metrics") && !path.equals("/health")) {
      send(request, 404, TEXT, "not found: try /metrics or /health\n");
    } else if (request.method() != HttpMethod.GET && request.method() != HttpMethod.HEAD) {
      request.response().putHeader("Allow", "GET, HEAD");
      send(request, 405, TEXT, "only GET\n");
    } else if (path.equals("/metrics")) {
      send(request, 200, PROMETHEUS_TEXT, metrics.get());
    } else {
      WatchHealth.Status status = health.status();
      send(request, status.healthy() ? 200 : 503, TEXT, status.text() + "\n");
    }
  }

  private static void send(HttpServerRequest request, int status, String contentType, String body) {
    request.response().setStatusCode(status).putHeader("Content-Type", contentType);
    if (request.method() == HttpMethod.HEAD) {
      request.response().putHeader("Content-Length", Integer.toString(body.getBytes(StandardCharsets.UTF_8).length)).end();
    } else {
      request.response().end(body);
    }
  }

  @Override
  public void close() {
    try {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      // closing on the way out: nothing left to do about it
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
