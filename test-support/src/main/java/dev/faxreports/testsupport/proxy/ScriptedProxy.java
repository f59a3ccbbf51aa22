package dev.faxreports.testsupport.proxy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A misbehaving HTTP proxy for tests: a plain {@link ServerSocket} on a free loopback port that
 * answers every request (a {@code CONNECT}, usually) with the same canned bytes, whatever it asked
 * for — a 503 with {@code Retry-After}, a 407 offering only NTLM, a 200 followed by an HTML page
 * where TLS should be. What {@link ForwardProxy}, a real proxy, never does.
 *
 * <p>One answer per connection: the proxy reads the request head, writes {@code head}; with {@code
 * afterClientSpeaks}, waits for the client's next bytes (a TLS ClientHello, through the "tunnel")
 * and writes those too. Then it half-closes and reads until the client closes, so the client sees
 * every byte and a clean end rather than a reset.
 *
 * <pre>{@code
 * try (ScriptedProxy proxy = ScriptedProxy.answering(
 *     "HTTP/1.1 503 Service Unavailable\r\nRetry-After: 1\r\nContent-Length: 0\r\n\r\n")) {
 *   // point the client at 127.0.0.1:proxy.port(); afterwards proxy.requests()
 * }
 * }</pre>
 */
public final class ScriptedProxy implements AutoCloseable {

  private static final int MAX_HEAD = 64 * 1024;
  private static final int IDLE_MILLIS = 10_000;

  private final ServerSocket server;
  private final byte[] head;
  private final byte[] afterClientSpeaks;
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final Thread acceptor;

  private ScriptedProxy(String head, String afterClientSpeaks) {
    this.head = head.getBytes(StandardCharsets.ISO_8859_1);
    this.afterClientSpeaks = afterClientSpeaks == null ? null : afterClientSpeaks.getBytes(StandardCharsets.ISO_8859_1);
    try {
      this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on loopback", e);
    }
    this.acceptor = new Thread(this::accept, "scripted-proxy-" + server.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** Answers every request with {@code head} (status line, headers, blank line, maybe a body). */
  public static ScriptedProxy answering(String head) {
    return new ScriptedProxy(head, null);
  }

  /** Answers with {@code head}, then, once the client sends more, with {@code afterClientSpeaks}. */
  public static ScriptedProxy answering(String head, String afterClientSpeaks) {
    return new ScriptedProxy(head, afterClientSpeaks);
  }

  public int port() {
    return server.getLocalPort();
  }

  /** The head of every request received (request line and headers), in order. */
  public List<String> requests() {
    return List.copyOf(requests);
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }

  private void accept() {
    while (!server.isClosed()) {
      Socket client;
      try {
        client = server.accept();
      } catch (IOException closed) {
        return;
      }
      Thread connection = new Thread(() -> serve(client), "scripted-proxy-connection");
      connection.setDaemon(true);
      connection.start();
    }
  }

  private void serve(Socket client) {
    try (client) {
      client.setSoTimeout(IDLE_MILLIS);
      InputStream in = client.getInputStream();
      String request = readHead(in);
      if (request == null) {
        return;
      }
      requests.add(request);
      client.getOutputStream().write(head);
      client.getOutputStream().flush();
      if (afterClientSpeaks != null) {
        byte[] some = new byte[16 * 1024];
        if (in.read(some) < 0) {
          return;
        }
        drainAvailable(in, some);
        client.getOutputStream().write(afterClientSpeaks);
        client.getOutputStream().flush();
      }
      client.shutdownOutput();
      byte[] rest = new byte[16 * 1024];
      while (in.read(rest) >= 0) {
        // until the client closes: closing with its bytes unread would reset the connection
      }
    } catch (SocketException gone) {
      // the client hung up first
    } catch (IOException e) {
      // a test proxy: the client sees the connection end
    }
  }

  private static void drainAvailable(InputStream in, byte[] buffer) throws IOException {
    while (in.available() > 0 && in.read(buffer, 0, Math.min(buffer.length, in.available())) > 0) {
      // a ClientHello may come in several reads
    }
  }

  /** The request head up to its blank line, or null if the client closed first. */
  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    while (matched < end.length) {
      int b = in.read();
      if (b < 0) {
        return null;
      }
      if (head.size() >= MAX_HEAD) {
        throw new IOException("request head too long");
      }
      head.write(b);
      matched = b == end[matched] ? matched + 1 : b == end[0] ? 1 : 0;
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }
}
