package dev.faxreports.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faxreports.error.FaxReportsException;
import dev.faxreports.error.ProxyAuthenticationException;
import dev.faxreports.error.ServiceUnavailableException;
import dev.faxreports.error.TransportException;
import dev.faxreports.model.Credentials;
import dev.faxreports.model.DataCenter;
import dev.faxreports.port.ProxySettings;
import dev.faxreports.port.TransportSettings;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A failure through a proxy names the proxy as what failed, and says how, for every transport alike. */
class ProxyFailuresTest {

  private static final DataCenter DC = new DataCenter("DE1", URI.create("https://faxws.de1.example/rest/v1"));
  private static final ProxySettings PROXY =
      new ProxySettings("egress.example", 3128, new Credentials("jane", "Proxy-Secret-1"), List.of());
  private static final TransportSettings VIA_PROXY =
      TransportSettings.of("12345", new Credentials("user", "Api-Secret-2")).withProxy(PROXY);

  private static FaxReportsException noAnswer(Throwable error) {
    return HttpAnswers.noAnswer(DC, new IOException("library wrapper", error), VIA_PROXY, null);
  }

  @Test
  void aProxyWhoseNameDoesNotResolveIsWhatCouldNotBeResolved() {
    FaxReportsException failure = noAnswer(new UnknownHostException("egress.example"));

    assertThat(failure).isInstanceOf(TransportException.class)
        .hasMessageContaining("could not connect to the proxy http://egress.example:3128 (for faxws.de1.example:443)")
        .hasMessageContaining("the proxy's name does not resolve");
    assertThat(((TransportException) failure).requestMaySeeServer()).isFalse();
  }

  @Test
  void aRefusedConnectionIsTheProxysWithoutTheAddressTheLibraryHadForTheHost() {
    ConnectException refused = new ConnectException("Failed to connect to faxws.de1.example/0.0.0.0:443");
    refused.initCause(new ConnectException("Connection refused"));

    assertThat(noAnswer(refused)).isInstanceOf(TransportException.class)
        .hasMessageContaining("could not connect to the proxy http://egress.example:3128")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("0.0.0.0"));
  }

  @Test
  void withoutAProxyTheDataCenterIsWhatCouldNotBeReached() {
    FaxReportsException failure = HttpAnswers.noAnswer(DC, new UnknownHostException("faxws.de1.example"),
        VIA_PROXY.withProxy(null), null);

    assertThat(failure).hasMessageContaining("could not connect to faxws.de1.example:443")
        .hasMessageContaining("configure the proxy");
  }

  @Test
  void a407OfferingOnlyOtherSchemesSaysOnlyBasicIsSupported() {
    FaxReportsException failure = noAnswer(ProxyTunnelException.refused(407, "Proxy Authentication Required",
        Map.of("Proxy-Authenticate", List.of("NTLM", "Negotiate", "Digest realm=\"corp\", nonce=\"n\", qop=\"auth\""))));

    assertThat(failure).isInstanceOf(ProxyAuthenticationException.class)
        .hasMessageContaining("http://egress.example:3128").hasMessageContaining("NTLM, Negotiate, Digest")
        .hasMessageContaining("only Basic").satisfies(e -> assertThat(e.getMessage()).doesNotContain("Proxy-Secret-1"));
  }

  @Test
  void a407OfferingBasicAmongOthersIsRefusedCredentials() {
    FaxReportsException failure = noAnswer(ProxyTunnelException.refused(407, "Proxy Authentication Required",
        Map.of("proxy-authenticate", List.of("Negotiate, Basic realm=\"corp\""))));

    assertThat(failure).isInstanceOf(ProxyAuthenticationException.class)
        .hasMessageContaining("refused its credentials");
  }

  @Test
  void a503IsRetriedAfterTheProxysRetryAfter() {
    FaxReportsException failure = noAnswer(ProxyTunnelException.refused(503, "Service Unavailable",
        Map.of("Retry-After", List.of("7"))));

    assertThat(failure).isInstanceOf(ServiceUnavailableException.class)
        .hasMessageContaining("the proxy http://egress.example:3128 answered CONNECT to faxws.de1.example:443")
        .hasMessageContaining("503");
    assertThat(((ServiceUnavailableException) failure).retryAfter()).contains(Duration.ofSeconds(7));
  }

  @Test
  void aTunnelForbiddenByThePolicyIsNotRetried() {
    FaxReportsException failure = noAnswer(ProxyTunnelException.refused(403, "Forbidden", Map.of()));

    assertThat(failure).isExactlyInstanceOf(FaxReportsException.class)
        .hasMessageContaining("refused the tunnel to faxws.de1.example:443 with HTTP 403 Forbidden");
  }

  @Test
  void aPageInsteadOfTlsIsOneLineQuotingItsStart() {
    byte[] page = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html>\u001b[2Jlogin</html>"
        .getBytes(StandardCharsets.ISO_8859_1);

    FaxReportsException failure = noAnswer(ProxyTunnelException.notTls(page));

    assertThat(failure).isExactlyInstanceOf(FaxReportsException.class)
        .hasMessageContaining("did not pass TLS through: it sent \"HTTP/1.1 200 OK\"");
    assertThat(failure.getMessage()).doesNotContain("\n").doesNotContain("\r").doesNotContain("html");
  }

  @Test
  void noAnswerToConnectIsAConnectionFailureRetried() {
    FaxReportsException failure = noAnswer(ProxyTunnelException.noAnswer("it closed the connection"));

    assertThat(failure).isInstanceOf(TransportException.class)
        .hasMessageContaining("did not answer CONNECT to faxws.de1.example:443: it closed the connection");
  }

  @Test
  void aTunnelFailureOfADataCenterNotProxiedIsNotBlamedOnTheProxy() {
    DataCenter loopback = new DataCenter("LOCAL", URI.create("https://localhost:8443/rest/v1"));

    FaxReportsException failure = HttpAnswers.noAnswer(loopback,
        ProxyTunnelException.refused(503, "Service Unavailable", Map.of()), VIA_PROXY, null);

    assertThat(failure.getMessage()).doesNotContain("egress.example");
  }

  @Test
  void schemesAreTheFirstWordOfEachChallenge() {
    assertThat(ProxyFailures.schemes(List.of("Digest realm=\"a, b\", nonce=\"x\"", "NTLM", "ntlm", "Basic realm=\"z\"")))
        .containsExactly("Digest", "NTLM", "Basic");
  }
}
