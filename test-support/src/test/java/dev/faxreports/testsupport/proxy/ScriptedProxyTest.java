package dev.faxreports.testsupport.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The misbehaving proxy answers exactly as scripted, and records what it was asked. */
class ScriptedProxyTest {

  private static final String CONNECT = "CONNECT faxws.example.test:443 HTTP/1.1\r\nHost: faxws.example.test:443\r\n\r\n";

  @Test
  void answersEveryConnectWithItsHeadAndRecordsTheRequest() throws IOException {
    String head = "HTTP/1.1 503 Service Unavailable\r\nRetry-After: 1\r\nContent-Length: 0\r\n\r\n";
    try (ScriptedProxy proxy = ScriptedProxy.answering(head);
         Socket client = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
      client.getOutputStream().write(CONNECT.getBytes(StandardCharsets.ISO_8859_1));

      String answer = new String(client.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);

      assertThat(answer).isEqualTo(head);
      assertThat(proxy.requests()).containsExactly(CONNECT);
    }
  }

  @Test
  void sendsItsSecondPartOnlyOnceTheClientSpeaksThroughTheTunnel() throws IOException {
    try (ScriptedProxy proxy = ScriptedProxy.answering("HTTP/1.1 200 Connection established\r\n\r\n", "<html>no</html>");
         Socket client = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
      OutputStream out = client.getOutputStream();
      InputStream in = client.getInputStream();
      out.write(CONNECT.getBytes(StandardCharsets.ISO_8859_1));
      byte[] established = in.readNBytes("HTTP/1.1 200 Connection established\r\n\r\n".length());

      out.write(new byte[] {22, 3, 1}); // the start of a ClientHello
      String rest = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);

      assertThat(new String(established, StandardCharsets.ISO_8859_1)).startsWith("HTTP/1.1 200");
      assertThat(rest).isEqualTo("<html>no</html>");
    }
  }
}
