package dev.faxreports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faxreports.error.InvalidArgumentException;
import dev.faxreports.model.Credentials;
import dev.faxreports.model.DataCenter;
import dev.faxreports.model.Region;
import dev.faxreports.port.FaxReportsTransportProvider;
import dev.faxreports.port.TransportSettings;
import dev.faxreports.support.ScriptedTransport;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BuilderTest {

  private static final String SECRET = "s3cr3t-Pässwörd";
  private final ScriptedTransport transport = new ScriptedTransport();
  private final AtomicReference<TransportSettings> seen = new AtomicReference<>();
  private final FaxReportsTransportProvider provider = new FaxReportsTransportProvider() {
    @Override
    public String name() {
      return "scripted";
    }

    @Override
    public ScriptedTransport create(TransportSettings settings) {
      seen.set(settings);
      return transport;
    }
  };

  @Test
  void aRegionMeansEveryDataCenterOfIt() {
    try (FaxReports reports = FaxReports.builder().region(Region.EUROPE).transport(transport).build()) {
      assertThat(reports.async().dataCenters()).containsExactly(DataCenter.DE1, DataCenter.DE2);
    }
  }

  @Test
  void theProviderGetsTheSettingsAndTheFacadeOwnsWhatItCreated() {
    FaxReports reports = FaxReports.builder().region(Region.USA).customerNumber("12345")
        .credentials(new Credentials("user", SECRET)).requestTimeout(Duration.ofSeconds(5))
        .maxResponseBytes(4096).transport(provider).build();

    assertThat(seen.get().customerNumber()).isEqualTo("12345");
    assertThat(seen.get().requestTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(seen.get().maxResponseBytes()).isEqualTo(4096);
    reports.close();
    assertThat(transport.isClosed()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://faxws.de1.retarus.com/rest/v1", "http://10.0.0.5:8080/rest/v1",
      "http://proxy.example/rest/v1"})
  void plainHttpToANonLoopbackHostIsRefused(String url) {
    assertThatThrownBy(() -> FaxReports.builder().endpoints(url).transport(transport).build())
        .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("clear text");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://localhost:8080/rest/v1", "http://127.0.0.1:9/rest/v1",
      "http://[::1]:8080/rest/v1", "https://proxy.example/rest/v1"})
  void httpsAndLoopbackAreAccepted(String url) {
    FaxReports.builder().endpoints(url).transport(transport).build().close();
  }

  @Test
  void plainHttpElsewhereOnlyWhenExplicitlyAllowed() {
    FaxReports.builder().endpoints("http://proxy.example/rest/v1").allowInsecureHttp(true)
        .transport(transport).build().close();
  }

  @Test
  void aHostNameThatMerelyStartsWithLocalhostIsNotLoopback() {
    assertThatThrownBy(() -> FaxReports.builder().endpoints("http://localhost.evil.example/x")
        .transport(transport).build()).isInstanceOf(InvalidArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"not a url", "ftp://host/x", "https:///nohost", "https://user:pw@host/x",
      "https://host/x?query=1"})
  void malformedEndpointsAreClearErrors(String url) {
    assertThatThrownBy(() -> FaxReports.builder().endpoints(url))
        .isInstanceOf(InvalidArgumentException.class);
  }

  @Test
  void missingPiecesAreNamed() {
    assertThatThrownBy(() -> FaxReports.builder().transport(transport).build())
        .hasMessageContaining("no data center");
    assertThatThrownBy(() -> FaxReports.builder().region(Region.EUROPE).build())
        .hasMessageContaining("no transport");
    assertThatThrownBy(() -> FaxReports.builder().region(Region.EUROPE).transport(provider).build())
        .hasMessageContaining("customer number");
    assertThatThrownBy(() -> FaxReports.builder().region(Region.EUROPE).customerNumber("1")
        .transport(provider).build()).hasMessageContaining("credentials");
    assertThatThrownBy(() -> FaxReports.builder().region(Region.EUROPE).customerNumber("1/2")
        .credentials(new Credentials("u", "p")).transport(provider).build())
        .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("customer number");
    assertThatThrownBy(() -> FaxReports.builder().region(Region.EUROPE).transport(transport)
        .requestTimeout(Duration.ZERO).build()).hasMessageContaining("request timeout");
    assertThatThrownBy(() -> FaxReports.builder().maxAttempts(0)).hasMessageContaining("maxAttempts");
    assertThatThrownBy(() -> FaxReports.builder().region(Region.EUROPE).transport(transport)
        .maxResponseBytes(0).build()).isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("max response bytes");
  }

  @Test
  void thePasswordAppearsInNoToString() {
    Credentials credentials = new Credentials("user", SECRET);
    TransportSettings settings = TransportSettings.of("12345", credentials);
    FaxReportsBuilder builder = FaxReports.builder().region(Region.EUROPE).customerNumber("12345")
        .credentials(credentials).transport(provider);
    FaxReports reports = builder.build();

    for (Object shown : new Object[] {credentials, settings, builder, reports, reports.async()}) {
      assertThat(shown.toString()).doesNotContain(SECRET).doesNotContain(
          credentials.basicAuthorization().substring("Basic ".length()));
    }
    assertThat(credentials.toString()).contains("user").contains("****");
  }

  @Test
  void basicAuthorizationEncodesUtf8() {
    Credentials credentials = new Credentials("jürgen", "pässwörd");
    String encoded = credentials.basicAuthorization().substring("Basic ".length());

    assertThat(new String(java.util.Base64.getDecoder().decode(encoded),
        java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("jürgen:pässwörd");
  }
}
