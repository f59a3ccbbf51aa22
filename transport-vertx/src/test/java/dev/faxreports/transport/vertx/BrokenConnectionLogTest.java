package dev.faxreports.transport.vertx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faxreports.error.FaxReportsException;
import dev.faxreports.model.DataCenter;
import dev.faxreports.testkit.contract.ContractSubject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A connection that breaks under a request — reset, a status line that is no HTTP, headers past
 * Netty's limit — fails that request with a core exception, and Vert.x writes no ERROR line of its
 * own about it (it would, from {@code ConnectionBase}, for a connection without exception handler).
 */
class BrokenConnectionLogTest {

  /** What the raw server does once it has read a request's head. */
  private interface Misbehaviour {
    void answer(Socket socket) throws IOException;
  }

  private ServerSocket server;
  private Thread acceptor;
  private volatile Misbehaviour misbehaviour;
  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
  private final List<LogRecord> julRecords = new CopyOnWriteArrayList<>();
  private final Handler julCapture = new Handler() {
    @Override
    public void publish(LogRecord record) {
      julRecords.add(record);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };
  private PrintStream originalOut;
  private PrintStream originalErr;

  @BeforeEach
  void start() throws IOException {
    server = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
    acceptor = new Thread(this::serve, "broken-connection-server");
    acceptor.setDaemon(true);
    acceptor.start();
    originalOut = System.out;
    originalErr = System.err;
    PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
    System.setOut(capture); // slf4j-simple writes to System.out here, looked up at each line
    System.setErr(capture);
    Logger.getLogger("io.vertx").addHandler(julCapture); // in case Vert.x logs through JUL
  }

  @AfterEach
  void stop() throws IOException {
    System.setOut(originalOut);
    System.setErr(originalErr);
    Logger.getLogger("io.vertx").removeHandler(julCapture);
    server.close();
  }

  @Test
  void aResetConnectionFailsTheRequestQuietly() {
    assertFailsWithoutVertxErrorLines(socket -> {
      socket.setSoLinger(true, 0); // close with RST instead of FIN
      socket.close();
    });
  }

  @Test
  void aStatusLineThatIsNoHttpFailsTheRequestQuietly() {
    assertFailsWithoutVertxErrorLines(socket -> write(socket, "SMTP READY\r\nnot http at all\r\n\r\n"));
  }

  @Test
  void headersPastTheLimitFailTheRequestQuietly() {
    assertFailsWithoutVertxErrorLines(socket -> write(socket,
        "HTTP/1.1 200 OK\r\nX-Padding: " + "a".repeat(200_000) + "\r\nContent-Length: 0\r\n\r\n"));
  }

  private void assertFailsWithoutVertxErrorLines(Misbehaviour how) {
    misbehaviour = how;
    DataCenter broken = new DataCenter("BROKEN",
        URI.create("http://127.0.0.1:" + server.getLocalPort() + "/rest/v1"));
    VertxTransport transport = VertxTransport.create(ContractSubject.SETTINGS);
    Throwable failure;
    try {
      failure = transport.listOldest(broken).toCompletableFuture()
          .handle((value, error) -> error).get(10, TimeUnit.SECONDS);
      transport.closeAsync().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    if (failure instanceof CompletionException wrapped) {
      failure = wrapped.getCause();
    }

    assertThat(failure).isInstanceOf(FaxReportsException.class).hasMessageContaining("BROKEN");
    String output = captured.toString(StandardCharsets.UTF_8);
    assertThat(output).doesNotContain("io.vertx").doesNotContain("ConnectionBase").doesNotContain("ERROR");
    assertThat(julRecords).noneMatch(record -> record.getLevel().intValue() >= Level.WARNING.intValue());
  }

  private void serve() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        readHead(socket.getInputStream());
        misbehaviour.answer(socket);
      } catch (IOException closedOrGone) {
        // the next connection, or the end of the test
      }
    }
  }

  private static void readHead(InputStream in) throws IOException {
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    for (int b = in.read(); b >= 0; b = in.read()) {
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
      if (matched == end.length) {
        return;
      }
    }
  }

  private static void write(Socket socket, String answer) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(answer.getBytes(StandardCharsets.US_ASCII));
    out.flush();
    socket.close();
  }
}
