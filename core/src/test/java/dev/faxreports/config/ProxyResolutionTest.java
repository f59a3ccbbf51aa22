package dev.faxreports.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faxreports.model.Credentials;
import dev.faxreports.port.ProxySettings;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ProxyResolutionTest {

  private static Properties jvm(String... pairs) {
    Properties properties = new Properties();
    for (int i = 0; i < pairs.length; i += 2) {
      properties.setProperty(pairs[i], pairs[i + 1]);
    }
    return properties;
  }

  @Test
  void httpsProxyFromTheEnvironmentWithItsNoProxyList() {
    ProxySettings proxy = ProxyResolution.from(
        Map.of("HTTPS_PROXY", "http://u:p%40ss@egress:3128", "NO_PROXY", "localhost, .internal.example ,10.0.0.1"),
        jvm("https.proxyHost", "ignored", "https.proxyPort", "1")).orElseThrow();

    assertThat(proxy.host()).isEqualTo("egress");
    assertThat(proxy.credentials()).isEqualTo(new Credentials("u", "p@ss"));
    assertThat(proxy.bypass()).containsExactly("localhost", "internal.example", "10.0.0.1");
    assertThat(proxy.bypasses("faxws.internal.example")).isTrue();
  }

  @Test
  void lowerCaseVariablesCountToo() {
    ProxySettings proxy = ProxyResolution.from(Map.of("https_proxy", "egress:8080", "no_proxy", "*"), jvm())
        .orElseThrow();

    assertThat(proxy.port()).isEqualTo(8080);
    assertThat(proxy.bypasses("faxws.de1.retarus.com")).isTrue();
  }

  @Test
  void theJvmPropertiesWhenTheEnvironmentHasNone() {
    ProxySettings proxy = ProxyResolution.from(Map.of(),
        jvm("https.proxyHost", "jvm-proxy", "https.proxyPort", "8443", "http.nonProxyHosts", "localhost|*.corp.example")).orElseThrow();

    assertThat(proxy.host()).isEqualTo("jvm-proxy");
    assertThat(proxy.port()).isEqualTo(8443);
    assertThat(proxy.bypasses("x.corp.example")).isTrue();
    assertThat(proxy.bypasses("faxws.de1.retarus.com")).isFalse();
  }

  @Test
  void noneWhenNothingIsSet() {
    assertThat(ProxyResolution.from(Map.of(), jvm())).isEmpty();
  }

  @Test
  void aBadEnvironmentValueNamesTheVariableButNotThePassword() {
    assertThatThrownBy(() -> ProxyResolution.from(Map.of("HTTPS_PROXY", "ftp://u:SECRET@egress:21"), jvm()))
        .hasMessageContaining("HTTPS_PROXY").satisfies(e -> assertThat(e.getMessage()).doesNotContain("SECRET"));
  }
}
