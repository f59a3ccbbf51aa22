package dev.faxreports.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faxreports.FaxReports;
import dev.faxreports.error.InvalidArgumentException;
import dev.faxreports.model.Credentials;
import dev.faxreports.model.DataCenter;
import dev.faxreports.support.ScriptedTransport;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The one rule for which requests go through a proxy, as both transports apply it: loopback never
 * (by name or address, in any spelling), plain http:// never (the proxy would read the password),
 * a host on the bypass list never, everything else over HTTPS always.
 */
class ProxyChoiceTest {

  private static final ProxySettings PROXY = ProxySettings.parse("http://u:pw@egress.corp.example:3128");
  private static final TransportSettings SETTINGS =
      TransportSettings.of("4711", new Credentials("user", "password")).withProxy(PROXY);

  @ParameterizedTest
  @ValueSource(strings = {"localhost", "LOCALHOST", "localhost.", "127.0.0.1", "127.1.2.3", "::1", "[::1]",
      "0:0:0:0:0:0:0:1", "[0:0:0:0:0:0:0:1]", "0000:0000:0000:0000:0000:0000:0000:0001",
      "::ffff:7f00:1"})
  void loopbackIsLoopbackEverywhere(String host) {
    assertThat(DataCenter.isLoopbackHost(host)).isTrue();
    String authority = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    assertThat(new DataCenter("X", URI.create("http://" + authority + ":8080/rest/v1")).isLoopback()).isTrue();
    assertThat(SETTINGS.proxies(URI.create("https://" + authority + ":8443/rest/v1"))).as("never proxied").isFalse();
    assertThat(SETTINGS.proxies(URI.create("http://" + authority + ":8080/rest/v1"))).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"localhost.evil.example", "mylocalhost", "128.0.0.1", "::2",
      "10.0.0.1", "faxws.de1.retarus.com", "127.0.0.1.nip.io"})
  void nothingElseIsLoopback(String host) {
    assertThat(DataCenter.isLoopbackHost(host)).isFalse();
  }

  @Test
  void onlyHttpsLeavesThroughTheProxy() {
    assertThat(SETTINGS.proxies(URI.create("https://faxws.de1.retarus.com/rest/v1"))).isTrue();
    assertThat(SETTINGS.proxies(URI.create("http://faxws.de1.retarus.com/rest/v1"))).isFalse();
    assertThat(SETTINGS.withProxy(null).proxies(URI.create("https://faxws.de1.retarus.com/rest/v1"))).isFalse();
  }

  @Test
  void aConfiguredProxyForPlainHttpElsewhereIsRefusedBeforeAnyRequest() {
    assertThatThrownBy(() -> FaxReports.builder().endpoints("http://relay.corp.example/rest/v1")
        .allowInsecureHttp(true).proxy(PROXY).customerNumber("4711").credentials(new Credentials("u", "p"))
        .transport(recording(new AtomicReference<>())).build())
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("relay.corp.example").hasMessageContaining("clear text")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("pw"));
  }

  @Test
  void aConfiguredProxyWithALoopbackOrBypassedHttpEndpointIsFineAndGoesDirect() {
    AtomicReference<TransportSettings> given = new AtomicReference<>();
    FaxReports.builder().endpoints("http://localhost:8080/rest/v1", "http://relay.corp.example/rest/v1")
        .allowInsecureHttp(true).proxy(PROXY.withBypass(List.of(".corp.example")))
        .customerNumber("4711").credentials(new Credentials("u", "p"))
        .transport(recording(given)).build().close();

    assertThat(given.get().proxies(URI.create("http://localhost:8080/rest/v1"))).isFalse();
    assertThat(given.get().proxies(URI.create("http://relay.corp.example/rest/v1"))).isFalse();
  }

  @Test
  void httpsProxyFromTheEnvironmentIsForHttpsEndpointsAloneAndHttpProxyIsIgnored() {
    AtomicReference<TransportSettings> given = new AtomicReference<>();
    FaxReports.builder().endpoints("http://localhost:8080/rest/v1")
        .proxyEnvironment(Map.of("HTTPS_PROXY", "http://u:pw@proxy.corp.example:3128",
            "HTTP_PROXY", "http://other.corp.example:8080"), new Properties())
        .customerNumber("4711").credentials(new Credentials("u", "p"))
        .transport(recording(given)).build().close();

    assertThat(given.get().proxy().host()).isEqualTo("proxy.corp.example");
    assertThat(given.get().proxies(URI.create("http://localhost:8080/rest/v1"))).isFalse();
    assertThat(given.get().proxies(URI.create("http://faxws.example/rest/v1"))).isFalse();
    assertThat(given.get().proxies(URI.create("https://faxws.example/rest/v1"))).isTrue();
  }

  private static FaxReportsTransportProvider recording(AtomicReference<TransportSettings> given) {
    return new FaxReportsTransportProvider() {
      @Override
      public String name() {
        return "recording";
      }

      @Override
      public FaxReportsTransport create(TransportSettings settings) {
        given.set(settings);
        return new ScriptedTransport();
      }
    };
  }
}
