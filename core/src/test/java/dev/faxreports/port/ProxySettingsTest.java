package dev.faxreports.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faxreports.model.Credentials;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ProxySettingsTest {

  @Test
  void readsAProxyUrlWithPercentEncodedCredentials() {
    ProxySettings proxy = ProxySettings.parse("http://corp%5Cjane:p%40ss%3Aw%2Brd@proxy.example.com:3128/");

    assertThat(proxy.host()).isEqualTo("proxy.example.com");
    assertThat(proxy.port()).isEqualTo(3128);
    assertThat(proxy.credentials()).isEqualTo(new Credentials("corp\\jane", "p@ss:w+rd"));
    assertThat(proxy.uri()).hasToString("http://proxy.example.com:3128");
  }

  @Test
  void aUrlWithoutSchemeOrPortIsHttpOnPort80() {
    ProxySettings proxy = ProxySettings.parse("proxy.example.com");

    assertThat(proxy.port()).isEqualTo(80);
    assertThat(proxy.credentials()).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://user:SECRET@proxy:443", "http://user:SECRET@proxy:3128/path", "http://user:SECRET@:3128",
      "http://user:SECRET@proxy:99999", "socks5://user:SECRET@proxy:1080", "http://user:pa/SECRET@proxy:3128",
      "http://user:SECRET@@proxy:3128/x"})
  void aBadProxyUrlIsRefusedWithoutEchoingThePassword(String url) {
    assertThatThrownBy(() -> ProxySettings.parse(url)).isInstanceOf(IllegalArgumentException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("SECRET"));
  }

  @Test
  void anIpv6ProxyIsReadWithoutItsBrackets() {
    ProxySettings proxy = ProxySettings.parse("http://[fd00::1]:3128");

    assertThat(proxy.host()).isEqualTo("fd00::1");
    assertThat(proxy.uri()).hasToString("http://[fd00::1]:3128");
  }

  @Test
  void toStringNeverShowsThePassword() {
    ProxySettings proxy = ProxySettings.parse("http://jane:SECRET@proxy:3128");

    assertThat(proxy.toString()).contains("jane").doesNotContain("SECRET");
  }

  @ParameterizedTest
  @CsvSource({
      "example.com, example.com, true",
      "example.com, faxws.example.com, true",
      ".example.com, faxws.example.com, true",
      ".example.com, example.com, true",
      "*.example.com, faxws.EXAMPLE.com, true",
      "example.com, badexample.com, false",
      "example.com, example.com.evil.net, false",
      "*, anything.at.all, true",
      "127.0.0.1, 127.0.0.1, true",
      "192.168.*, 192.168.4.2, true",
      "example.com:8443, faxws.example.com, true",
      "retarus.com, faxws.de1.retarus.com, true",
      "2.2, 192.0.2.2, false",
      "0.2.2, 192.0.2.2, false",
      "192.0.2.2, 192.0.2.2, true",
      "10.0.0.0/8, 10.200.3.4, true",
      "10.0.0.0/8, 11.0.0.1, false",
      "192.168.0.0/16, 192.168.255.1, true",
      "192.168.0.0/16, 192.169.0.1, false",
      "10.0.0.0/8, 10.example.com, false",
      "fd00::/8, fd12:3456::1, true",
      "fd00::/8, fe80::1, false",
      "::1, 0:0:0:0:0:0:0:1, false"})
  void bypassPatternsMatchTheDomainAndItsSubdomains(String pattern, String host, boolean bypassed) {
    ProxySettings proxy = ProxySettings.parse("http://proxy:3128").withBypass(List.of(pattern));

    assertThat(proxy.bypasses(host)).isEqualTo(bypassed);
  }
}
