package dev.faxreports.testsupport.proxy;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.littleshoot.proxy.ActivityTrackerAdapter;
import org.littleshoot.proxy.FlowContext;
import org.littleshoot.proxy.HttpFilters;
import org.littleshoot.proxy.HttpFiltersSourceAdapter;
import org.littleshoot.proxy.HttpProxyServer;
import org.littleshoot.proxy.HttpProxyServerBootstrap;
import org.littleshoot.proxy.ProxyAuthenticator;
import org.littleshoot.proxy.impl.DefaultHttpProxyServer;

/**
 * A real forward proxy for tests, in the test JVM (LittleProxy), on a free loopback port. It
 * tunnels HTTPS with CONNECT and forwards plain HTTP, can require Basic credentials, and resolves
 * only the host names it is told to (to 127.0.0.1) and loopback: a client that reaches such a name
 * has provably gone through the proxy, and nothing it is asked for reaches real DNS.
 *
 * <p>It records every request it receives, headers included, before it checks credentials: a test
 * can prove what a client sent to it, such as that no password reached it in clear text.
 *
 * <pre>{@code
 * try (ForwardProxy proxy = ForwardProxy.builder().resolve("faxws.de1.example.test")
 *     .basicAuth("proxy-user", "proxy-secret").start()) {
 *   // point the client at proxy.uri(); afterwards proxy.connects("faxws.de1.example.test")
 * }
 * }</pre>
 */
public final class ForwardProxy implements AutoCloseable {

  /** One request as the proxy received it from a client. */
  public record ReceivedRequest(String method, String target, Map<String, String> headers) {
    /** The header's value, by case-insensitive name, or null. */
    public String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(Map.Entry::getValue).findFirst().orElse(null);
    }
  }

  private final HttpProxyServer server;
  private final List<ReceivedRequest> received;
  private final List<String> tunnels;
  private final AtomicLong refusals;
  private final AtomicLong connections;
  private final AtomicLong bytesReceived;

  private ForwardProxy(HttpProxyServer server, List<ReceivedRequest> received, List<String> tunnels,
      AtomicLong refusals, AtomicLong connections, AtomicLong bytesReceived) {
    this.server = server;
    this.received = received;
    this.tunnels = tunnels;
    this.refusals = refusals;
    this.connections = connections;
    this.bytesReceived = bytesReceived;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** {@code http://127.0.0.1:PORT}, without credentials. */
  public URI uri() {
    return URI.create("http://127.0.0.1:" + port());
  }

  public int port() {
    return server.getListenAddress().getPort();
  }

  /** Every request received so far, in order, whether admitted or refused. */
  public List<ReceivedRequest> received() {
    return List.copyOf(received);
  }

  /**
   * How many CONNECT tunnels to {@code host} (any port) the proxy admitted. Counted when the
   * CONNECT is admitted, before the client can send anything through it.
   */
  public long connects(String host) {
    String prefix = host.toLowerCase(Locale.ROOT) + ":";
    return tunnels.stream().filter(target -> target.toLowerCase(Locale.ROOT).startsWith(prefix)).count();
  }

  /** How many connections clients opened to the proxy. */
  public long connections() {
    return connections.get();
  }

  /** Every byte clients sent to the proxy, tunnelled ones included. */
  public long bytesReceived() {
    return bytesReceived.get();
  }

  /** How many requests the proxy refused for want of valid credentials (407). */
  public long authenticationRefusals() {
    return refusals.get();
  }

  /** Stops the proxy, closing its connections. */
  @Override
  public void close() {
    server.abort();
  }

  /** What the proxy does; {@link #start()} runs it. */
  public static final class Builder {
    private final Set<String> hosts = new HashSet<>();
    private String username;
    private String password;

    private Builder() {}

    /** The proxy resolves {@code host} to 127.0.0.1; the client cannot, so it must use the proxy. */
    public Builder resolve(String host) {
      hosts.add(host.toLowerCase(Locale.ROOT));
      return this;
    }

    /** Requires these Basic credentials of every request. */
    public Builder basicAuth(String username, String password) {
      this.username = username;
      this.password = password;
      return this;
    }

    public ForwardProxy start() {
      List<ReceivedRequest> received = new CopyOnWriteArrayList<>();
      List<String> tunnels = new CopyOnWriteArrayList<>();
      AtomicLong refusals = new AtomicLong();
      AtomicLong connections = new AtomicLong();
      AtomicLong bytesReceived = new AtomicLong();
      HttpProxyServerBootstrap bootstrap = DefaultHttpProxyServer.bootstrap()
          .withName("faxreports-test-proxy")
          .withAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
          .withServerResolver(this::resolveKnownHostsOnly)
          .plusActivityTracker(new ActivityTrackerAdapter() {
            @Override
            public void clientConnected(InetSocketAddress client) {
              connections.incrementAndGet();
            }

            @Override
            public void bytesReceivedFromClient(FlowContext flow, int bytes) {
              bytesReceived.addAndGet(bytes);
            }

            @Override
            public void requestReceivedFromClient(FlowContext flow, HttpRequest request) {
              received.add(asReceived(request));
            }

            @Override
            public void responseSentToClient(FlowContext flow, HttpResponse response) {
              if (response.status().equals(HttpResponseStatus.PROXY_AUTHENTICATION_REQUIRED)) {
                refusals.incrementAndGet();
              }
            }
          })
          .withFiltersSource(new HttpFiltersSourceAdapter() {
            @Override
            public HttpFilters filterRequest(HttpRequest request, ChannelHandlerContext context) {
              if (HttpMethod.CONNECT.equals(request.method())) {
                tunnels.add(request.uri());
              }
              return super.filterRequest(request, context);
            }
          });
      if (username != null) {
        bootstrap.withProxyAuthenticator(new ProxyAuthenticator() {
          @Override
          public boolean authenticate(String user, String pass) {
            return username.equals(user) && password.equals(pass);
          }

          @Override
          public String getRealm() {
            return "faxreports-test-proxy";
          }
        });
      }
      return new ForwardProxy(bootstrap.start(), received, tunnels, refusals, connections, bytesReceived);
    }

    private InetSocketAddress resolveKnownHostsOnly(String host, int port) throws UnknownHostException {
      String name = host.toLowerCase(Locale.ROOT);
      if (hosts.contains(name) || name.equals("localhost")) {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
      }
      InetAddress literal = literalOrNull(name);
      if (literal != null && literal.isLoopbackAddress()) {
        return new InetSocketAddress(literal, port);
      }
      throw new UnknownHostException(host + " (the test proxy resolves only " + hosts + " and loopback)");
    }

    private static InetAddress literalOrNull(String host) {
      String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
      if (!bare.matches("[0-9.]+|[0-9a-f:]+")) {
        return null; // a name: never looked up
      }
      try {
        return InetAddress.getByName(bare);
      } catch (UnknownHostException e) {
        return null;
      }
    }

    private static ReceivedRequest asReceived(HttpRequest request) {
      Map<String, String> headers = new LinkedHashMap<>();
      request.headers().forEach(header -> headers.merge(header.getKey(), header.getValue(), (a, b) -> a + ", " + b));
      return new ReceivedRequest(request.method().name(), request.uri(), headers);
    }
  }
}
