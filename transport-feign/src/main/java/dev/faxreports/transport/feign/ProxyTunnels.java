package dev.faxreports.transport.feign;

import dev.faxreports.port.ProxySettings;
import dev.faxreports.port.UserAgent;
import dev.faxreports.wire.ProxyTunnelException;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.SocketFactory;
import okhttp3.Dns;

/**
 * Sockets that reach their target through the proxy's {@code CONNECT} tunnel, opened here rather
 * than by OkHttp: OkHttp reads the proxy's answer itself and keeps only its status ("Unexpected
 * response code for CONNECT: 503"), where the {@code Retry-After} of a 503, the schemes a 407
 * offers, or the page a proxy sends instead of TLS decide what to tell the user. Every failure is
 * a {@link ProxyTunnelException} that the wire module words for both transports alike.
 *
 * <p>OkHttp sees a direct connection: {@link #names()} gives every host a placeholder address
 * (nothing is resolved here — the proxy resolves), {@link TunnelSocket#connect} connects to the
 * proxy instead and asks it for the host and port, and TLS then runs over the tunnel with the
 * host name verified as always. Basic credentials go with the {@code CONNECT}, once; a proxy that
 * refuses them gets no second try.
 */
final class ProxyTunnels extends SocketFactory {

  private static final int MAX_HEAD = 64 * 1024;
  private static final int MAX_QUOTED = 512;
  private static final String USER_AGENT = UserAgent.of("feign");
  private static final byte[] PLACEHOLDER = {0, 0, 0, 0};

  private final ProxySettings proxy;
  private final int connectTimeoutMillis;

  ProxyTunnels(ProxySettings proxy, int connectTimeoutMillis) {
    this.proxy = proxy;
    this.connectTimeoutMillis = connectTimeoutMillis;
  }

  /** Names as OkHttp's DNS for tunnelled hosts: never resolved here, only carried to the socket. */
  static Dns names() {
    return host -> List.of(InetAddress.getByAddress(host, PLACEHOLDER));
  }

  @Override
  public Socket createSocket() {
    return new TunnelSocket();
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    Socket socket = createSocket();
    socket.connect(InetSocketAddress.createUnresolved(host, port), connectTimeoutMillis);
    return socket;
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
    return createSocket(host, port);
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return createSocket(host.getHostName(), port);
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
    return createSocket(address.getHostName(), port);
  }

  /** A socket to the proxy that, once connected, is a tunnel to the target OkHttp asked for. */
  private final class TunnelSocket extends Socket {
    private int targetPort = -1;
    private InputStream input;

    @Override
    public void connect(SocketAddress endpoint) throws IOException {
      connect(endpoint, connectTimeoutMillis);
    }

    @Override
    public void connect(SocketAddress endpoint, int timeout) throws IOException {
      if (!(endpoint instanceof InetSocketAddress target)) {
        throw new IllegalArgumentException("not an internet address: " + endpoint);
      }
      InetSocketAddress proxyAddress = new InetSocketAddress(proxy.host(), proxy.port());
      if (proxyAddress.isUnresolved()) {
        throw new UnknownHostException(proxy.host());
      }
      super.connect(proxyAddress, timeout);
      setTcpNoDelay(true);
      int readTimeout = getSoTimeout();
      try {
        setSoTimeout(timeout > 0 ? timeout : connectTimeoutMillis);
        open(target.getHostString(), target.getPort());
        setSoTimeout(readTimeout);
      } catch (IOException | RuntimeException e) {
        close();
        throw e;
      }
      targetPort = target.getPort();
    }

    /** The target's port: the TLS session on top reports it as its peer's. */
    @Override
    public int getPort() {
      return targetPort != -1 ? targetPort : super.getPort();
    }

    @Override
    public synchronized InputStream getInputStream() throws IOException {
      if (input == null) {
        input = new TlsOnly(super.getInputStream());
      }
      return input;
    }

    private void open(String host, int port) throws IOException {
      String authority = (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
      StringBuilder request = new StringBuilder()
          .append("CONNECT ").append(authority).append(" HTTP/1.1\r\n")
          .append("Host: ").append(authority).append("\r\n")
          .append("User-Agent: ").append(USER_AGENT).append("\r\n")
          .append("Proxy-Connection: Keep-Alive\r\n");
      if (proxy.credentials() != null) {
        request.append("Proxy-Authorization: ").append(proxy.credentials().basicAuthorization()).append("\r\n");
      }
      OutputStream out = super.getOutputStream();
      out.write(request.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
      out.flush();
      String head = readHead(super.getInputStream());
      List<String> lines = head.lines().toList();
      String[] statusLine = lines.get(0).split(" ", 3);
      int status;
      try {
        status = Integer.parseInt(statusLine.length > 1 ? statusLine[1] : "");
      } catch (NumberFormatException e) {
        throw ProxyTunnelException.noAnswer("it answered \"" + lines.get(0) + "\", not an HTTP status line");
      }
      if (status / 100 != 2) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
          int colon = line.indexOf(':');
          if (colon > 0) {
            headers.computeIfAbsent(line.substring(0, colon).strip(), name -> new ArrayList<>())
                .add(line.substring(colon + 1).strip());
          }
        }
        throw ProxyTunnelException.refused(status, statusLine.length > 2 ? statusLine[2] : "", headers);
      }
    }

    /** The answer's head up to its blank line, read byte by byte: what follows belongs to TLS. */
    private String readHead(InputStream in) throws IOException {
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      int matched = 0;
      byte[] end = {'\r', '\n', '\r', '\n'};
      try {
        while (matched < end.length) {
          int b = in.read();
          if (b < 0) {
            throw ProxyTunnelException.noAnswer(head.size() == 0 ? "it closed the connection"
                : "it closed the connection in the middle of its answer");
          }
          if (head.size() >= MAX_HEAD) {
            throw ProxyTunnelException.noAnswer("its answer's head is longer than " + MAX_HEAD + " bytes");
          }
          head.write(b);
          matched = b == end[matched] ? matched + 1 : b == end[0] ? 1 : 0;
        }
      } catch (SocketTimeoutException e) {
        throw ProxyTunnelException.noAnswer("no answer within " + getSoTimeout() + " ms");
      }
      return head.toString(StandardCharsets.ISO_8859_1);
    }
  }

  /**
   * The tunnel's bytes, the first of which must open a TLS record (content type 20 to 23): a proxy
   * that answered {@code CONNECT} and then sends a page of its own fails the handshake here, with
   * the page's start, instead of as the JDK's "Unsupported or unrecognized SSL message".
   */
  private static final class TlsOnly extends FilterInputStream {
    private boolean checked;

    TlsOnly(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (!checked && b >= 0) {
        check(new byte[] {(byte) b}, 0, 1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (!checked && n > 0) {
        check(buffer, offset, n);
      }
      return n;
    }

    private void check(byte[] buffer, int offset, int n) throws IOException {
      checked = true;
      int type = buffer[offset];
      if (type >= 20 && type <= 23) {
        return;
      }
      byte[] quoted = Arrays.copyOfRange(buffer, offset, offset + Math.min(n, MAX_QUOTED));
      int more = Math.min(in.available(), MAX_QUOTED - quoted.length);
      if (more > 0) {
        byte[] rest = in.readNBytes(more);
        byte[] joined = Arrays.copyOf(quoted, quoted.length + rest.length);
        System.arraycopy(rest, 0, joined, quoted.length, rest.length);
        quoted = joined;
      }
      throw ProxyTunnelException.notTls(quoted);
    }
  }
}
