package dev.faxreports.testkit;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import dev.faxreports.model.Credentials;
import dev.faxreports.model.DataCenter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLParameters;

/**
 * A {@link FakeFaxService} served over loopback HTTP in the v1 wire format, one port per data
 * center, checking Basic auth and the customer number, and producing the fault plan's faults on
 * the wire (statuses, delays, connections closed before or in the middle of a body, truncated
 * JSON, HTML error pages; a data center that is down refuses connections). {@link #startHttps}
 * serves the same over TLS with the key material of an {@link javax.net.ssl.SSLContext} ({@link
 * ServerTls}).
 *
 * <pre>{@code
 * try (FakeFaxServer server = FakeFaxServer.start(fake, "12345", credentials)) {
 *   FaxReports reports = FaxReports.builder().dataCenters(server.dataCenters())...
 * }
 * }</pre>
 */
public final class FakeFaxServer implements AutoCloseable {

  /** The base path below which the v1 API lives, as at Retarus. */
  public static final String BASE_PATH = "/rest/v1";

  static {
    // The JDK server writes headers and body separately; without TCP_NODELAY, Nagle's algorithm
    // and the client's delayed ACK add ~40 ms to every answer, which would swamp any timing.
    // Read once, when the first server starts; an explicit setting is left alone.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final FakeFaxService service;
  private final Map<String, Listener> listeners = new LinkedHashMap<>();
  private final List<RecordedRequest> requests = Collections.synchronizedList(new ArrayList<>());
  private final ExecutorService workers;
  private final java.util.function.Consumer<String> upOrDown = this::applyUpOrDown;
  private final ServerTls tls;
  private FakeRequestHandler handler;
  private volatile boolean closed;

  private FakeFaxServer(FakeFaxService service, ServerTls tls) {
    this.service = service;
    this.tls = tls;
    AtomicInteger counter = new AtomicInteger();
    this.workers = Executors.newCachedThreadPool(task -> {
      Thread thread = new Thread(task, "fake-fax-server-" + counter.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }

  /** Serves every data center of {@code service} on its own loopback port. */
  public static FakeFaxServer start(FakeFaxService service, String customerNumber, Credentials credentials) {
    return start(service, customerNumber, credentials, null);
  }

  /**
   * Serves every data center of {@code service} over HTTPS on its own loopback port, the data
   * centers' URLs naming {@link ServerTls#hostName()}.
   */
  public static FakeFaxServer startHttps(
      FakeFaxService service, String customerNumber, Credentials credentials, ServerTls tls) {
    return start(service, customerNumber, credentials, java.util.Objects.requireNonNull(tls, "tls"));
  }

  private static FakeFaxServer start(
      FakeFaxService service, String customerNumber, Credentials credentials, ServerTls tls) {
    FakeFaxServer server = new FakeFaxServer(service, tls);
    FakeRequestHandler handler = new FakeRequestHandler(service, customerNumber, credentials, server.requests);
    server.handler = handler;
    for (DataCenter dataCenter : service.dataCenters()) {
      server.listeners.put(dataCenter.name(), server.new Listener(dataCenter.name(), handler));
    }
    service.faults().onUpOrDown(server.upOrDown);
    server.listeners.keySet().forEach(server::applyUpOrDown);
    return server;
  }

  /** The loopback data centers, named like the fake's, in the fake's order. */
  public List<DataCenter> dataCenters() {
    return listeners.values().stream().map(Listener::dataCenter).toList();
  }

  /** The loopback data center standing for {@code dataCenter} of the fake. */
  public DataCenter dataCenter(DataCenter dataCenter) {
    Listener listener = listeners.get(dataCenter.name());
    if (listener == null) {
      throw new IllegalArgumentException("no data center " + dataCenter.name() + " here");
    }
    return listener.dataCenter();
  }

  public FakeFaxService service() {
    return service;
  }

  /**
   * Gzips successful answers to requests that accept gzip, as a service behind a compressing
   * gateway does (off by default: the answers tests usually look at stay readable).
   */
  public FakeFaxServer gzipWhenAsked(boolean gzip) {
    handler.gzipWhenAsked(gzip);
    return this;
  }

  /** Body bytes of the successful answers sent so far, as they went on the wire (after gzip). */
  public long bodyBytesSent() {
    return handler.bodyBytesSent();
  }

  /** Every HTTP request received, in order. */
  public List<RecordedRequest> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  /** Stops every port for good; a fault lifted later does not open one again. */
  @Override
  public void close() {
    closed = true;
    service.faults().removeUpOrDownListener(upOrDown);
    listeners.values().forEach(Listener::stop);
    workers.shutdownNow();
  }

  private void applyUpOrDown(String dataCenter) {
    Listener listener = listeners.get(dataCenter);
    if (listener == null || closed) {
      return;
    }
    if (service.faults().isDown(dataCenter)) {
      listener.stop();
    } else {
      listener.start();
    }
  }

  private HttpsServer httpsServer(InetSocketAddress address) throws IOException {
    HttpsServer server = HttpsServer.create(address, 64);
    server.setHttpsConfigurator(new HttpsConfigurator(tls.context()) {
      @Override
      public void configure(HttpsParameters parameters) {
        SSLParameters ssl = getSSLContext().getDefaultSSLParameters();
        ssl.setNeedClientAuth(tls.clientCertificateRequired());
        if (!tls.protocols().isEmpty()) {
          ssl.setProtocols(tls.protocols().toArray(String[]::new));
        }
        parameters.setSSLParameters(ssl);
      }
    });
    return server;
  }

  /** One data center's port; stopped while the data center is down, then bound again. */
  private final class Listener {
    private final String name;
    private final FakeRequestHandler handler;
    private final int port;
    private HttpServer server;

    Listener(String name, FakeRequestHandler handler) {
      this.name = name;
      this.handler = handler;
      this.server = bindOutsideTheEphemeralRange();
      this.port = server.getAddress().getPort();
      server.start();
    }

    /** It closes its port while down and binds it again when up: see {@link LoopbackPorts}. */
    private HttpServer bindOutsideTheEphemeralRange() {
      for (int candidate : LoopbackPorts.candidates()) {
        try {
          return bind(candidate);
        } catch (UncheckedIOException taken) {
          // another program has it: try another
        }
      }
      return bind(0);
    }

    DataCenter dataCenter() {
      String origin = tls == null ? "http://127.0.0.1:" : "https://" + tls.hostName() + ":";
      return new DataCenter(name, URI.create(origin + port + BASE_PATH));
    }

    synchronized void start() {
      if (server == null) {
        server = bind(port);
        server.start();
      }
    }

    synchronized void stop() {
      if (server != null) {
        server.stop(0);
        server = null;
      }
    }

    private HttpServer bind(int onPort) {
      try {
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort);
        HttpServer bound = tls == null ? HttpServer.create(address, 64) : httpsServer(address);
        bound.createContext("/", exchange -> handler.handle(name, exchange));
        bound.setExecutor(workers);
        return bound;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot listen on loopback port " + onPort, e);
      }
    }
  }
}
