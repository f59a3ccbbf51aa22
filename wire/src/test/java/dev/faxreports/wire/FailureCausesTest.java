package dev.faxreports.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faxreports.error.FaxReportsException;
import dev.faxreports.error.TlsFailureException;
import dev.faxreports.error.TransportException;
import dev.faxreports.model.DataCenter;
import java.io.EOFException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.security.cert.CertPathBuilderException;
import java.time.Duration;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.junit.jupiter.api.Test;

/** What a failure is called decides whether it is retried: a misnamed one is either lost or repeated. */
class FailureCausesTest {

  private static final DataCenter DC = new DataCenter("DE1", URI.create("https://faxws.de1.example/rest/v1"));

  private static FaxReportsException noAnswer(Throwable error) {
    return HttpAnswers.noAnswer(DC, error, Duration.ofSeconds(30));
  }

  private static SSLHandshakeException handshake(String message, Throwable cause) {
    SSLHandshakeException e = new SSLHandshakeException(message);
    e.initCause(cause);
    return e;
  }

  @Test
  void anUntrustedCertificateIsATlsFailure() {
    FaxReportsException failure = noAnswer(handshake("PKIX path building failed",
        new CertPathBuilderException("unable to find valid certification path to requested target")));

    assertThat(failure).isInstanceOf(TlsFailureException.class).hasMessageContaining("faxws.de1.example");
    assertThat(((TlsFailureException) failure).problem()).isEqualTo(TlsFailureException.Problem.UNTRUSTED_CERTIFICATE);
  }

  @Test
  void aCertificateForAnotherHostIsAHostnameMismatch() {
    assertThat(((TlsFailureException) noAnswer(new SSLPeerUnverifiedException("Hostname faxws.de1.example not verified"))).problem())
        .isEqualTo(TlsFailureException.Problem.HOSTNAME_MISMATCH);
  }

  @Test
  void theServersFatalAlertIsARefusedHandshake() {
    assertThat(((TlsFailureException) noAnswer(handshake("Received fatal alert: certificate_required", null))).problem())
        .isEqualTo(TlsFailureException.Problem.HANDSHAKE_REFUSED);
  }

  @Test
  void aHandshakeCutShortByTheNetworkIsALostConnectionAndRetried() {
    for (Throwable cutShort : new Throwable[] {
        handshake("Remote host terminated the handshake", new EOFException("SSL peer shut down incorrectly")),
        handshake("Connection reset", new SocketException("Connection reset")),
        handshake("handshake timed out after 10000ms", null)}) {
      assertThat(noAnswer(cutShort)).as(cutShort.getMessage()).isExactlyInstanceOf(TransportException.class)
          .satisfies(e -> assertThat(((TransportException) e).requestMaySeeServer()).isTrue());
    }
  }

  @Test
  void aReadTimeoutIsNotAConnectFailureForTheRequestMayHaveArrived() {
    FaxReportsException failure = noAnswer(new SocketTimeoutException("Read timed out"));

    assertThat(failure).isInstanceOf(TransportException.class).hasMessageNotContaining("could not connect");
    assertThat(((TransportException) failure).requestMaySeeServer()).isTrue();
    assertThat(noAnswer(new SocketTimeoutException("Connect timed out")))
        .hasMessageContaining("could not connect to faxws.de1.example:443: connect timed out");
  }
}
