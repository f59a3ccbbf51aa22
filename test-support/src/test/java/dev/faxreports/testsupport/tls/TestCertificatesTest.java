package dev.faxreports.testsupport.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestCertificatesTest {

  private final TestCertificates certificates = TestCertificates.generate("localhost", "127.0.0.1");
  private HttpsServer server;
  @TempDir Path dir;

  private URI serve(boolean needClientCertificate) throws Exception {
    server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(certificates.serverContext()) {
      @Override
      public void configure(HttpsParameters parameters) {
        var ssl = getSSLContext().getDefaultSSLParameters();
        ssl.setNeedClientAuth(needClientCertificate);
        parameters.setSSLParameters(ssl);
      }
    });
    server.createContext("/", exchange -> {
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    server.start();
    return URI.create("https://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  private static int get(URI uri, SSLContext context) throws Exception {
    HttpClient client = HttpClient.newBuilder().sslContext(context).build();
    return client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  @Test
  void aClientTrustingTheAuthorityReachesTheServerWithHostnameVerificationOn() throws Exception {
    assertThat(get(serve(true), certificates.clientContext())).isEqualTo(204);
  }

  @Test
  void theJvmDefaultTrustRejectsTheServer() throws Exception {
    URI uri = serve(false);
    assertThatThrownBy(() -> get(uri, SSLContext.getDefault())).isInstanceOf(SSLHandshakeException.class);
  }

  @Test
  void theWrittenFilesHoldWhatTheyShould() throws Exception {
    Path pem = certificates.writeAuthorityPem(dir.resolve("ca.pem"));
    Path trust = certificates.writeTrustStore(dir.resolve("trust.p12"), "t-pass".toCharArray());
    Path keys = certificates.writeClientKeyStore(dir.resolve("client.p12"), "k-pass".toCharArray());

    try (InputStream in = Files.newInputStream(pem)) {
      X509Certificate read = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
      assertThat(read).isEqualTo(certificates.authority());
    }
    KeyStore trustStore = KeyStore.getInstance(trust.toFile(), "t-pass".toCharArray());
    assertThat(trustStore.getCertificate("faxreports-test-ca")).isEqualTo(certificates.authority());
    KeyStore keyStore = KeyStore.getInstance(keys.toFile(), "k-pass".toCharArray());
    assertThat(keyStore.getCertificateChain("faxreports-test")[0]).isEqualTo(certificates.clientCertificate());
    assertThat(keyStore.getKey("faxreports-test", "k-pass".toCharArray())).isNotNull();
  }
}
