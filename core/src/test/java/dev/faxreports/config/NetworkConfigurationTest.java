package dev.faxreports.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faxreports.FaxReports;
import dev.faxreports.error.InvalidArgumentException;
import dev.faxreports.model.Credentials;
import dev.faxreports.port.TransportSettings;
import dev.faxreports.support.RecordingProvider;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The proxy and TLS keys reach the transport's settings; their secrets never reach a message. */
class NetworkConfigurationTest {

  private final RecordingProvider recording = new RecordingProvider("rec");

  private static Map<String, String> base() {
    Map<String, String> values = new HashMap<>();
    values.put(ConfigKeys.REGION, "EUROPE");
    values.put(ConfigKeys.CUSTOMER_NUMBER, "4711");
    values.put(ConfigKeys.USERNAME, "user");
    values.put(ConfigKeys.PASSWORD, "api-secret");
    return values;
  }

  private TransportSettings settingsFor(Map<String, String> values) {
    FaxReports.builder().configure(ConfigSource.of(values)).transport(recording).build().close();
    return recording.settings();
  }

  @Test
  void aProxyUrlWithItsBypassList() {
    Map<String, String> values = base();
    values.put(ConfigKeys.PROXY, "http://egress.corp.example:3128");
    values.put(ConfigKeys.PROXY_BYPASS, "localhost, .corp.example");

    TransportSettings settings = settingsFor(values);

    assertThat(settings.proxy().uri()).hasToString("http://egress.corp.example:3128");
    assertThat(settings.proxies(URI.create("https://faxws.de1.retarus.com/rest/v1"))).isTrue();
    assertThat(settings.proxies(URI.create("https://mirror.corp.example/rest/v1"))).isFalse();
    assertThat(settings.proxies(URI.create("https://127.0.0.1:8443/rest/v1"))).as("loopback is never proxied").isFalse();
  }

  @Test
  void proxyCredentialsFromTheirOwnKeysWhenTheUrlHasNone() {
    Map<String, String> values = base();
    values.put(ConfigKeys.PROXY, "http://egress:3128");
    values.put(ConfigKeys.PROXY_USERNAME, "jane");
    values.put(ConfigKeys.PROXY_PASSWORD, "proxy-secret");

    assertThat(settingsFor(values).proxy().credentials()).isEqualTo(new Credentials("jane", "proxy-secret"));
  }

  @Test
  void theUrlsCredentialsWin() {
    Map<String, String> values = base();
    values.put(ConfigKeys.PROXY, "http://url-user:url-pass@egress:3128");
    values.put(ConfigKeys.PROXY_USERNAME, "jane");
    values.put(ConfigKeys.PROXY_PASSWORD, "proxy-secret");

    assertThat(settingsFor(values).proxy().credentials().username()).isEqualTo("url-user");
  }

  @Test
  void noneConnectsDirectly() {
    Map<String, String> values = base();
    values.put(ConfigKeys.PROXY, "none");

    assertThat(settingsFor(values).proxy()).isNull();
  }

  @Test
  void trustAndKeyStoresWithTheirPasswords() {
    Map<String, String> values = base();
    values.put(ConfigKeys.TRUST_STORE, "/etc/ssl/corp-ca.pem");
    values.put(ConfigKeys.KEY_STORE, "/etc/faxreports/client.p12");
    values.put(ConfigKeys.KEY_STORE_PASSWORD, "key-secret");

    // The files do not exist: the transport would refuse them; this one only records.
    TransportSettings settings = settingsFor(values);

    assertThat(settings.tls().trustStore()).isEqualTo(Path.of("/etc/ssl/corp-ca.pem"));
    assertThat(settings.tls().keyStore()).isEqualTo(Path.of("/etc/faxreports/client.p12"));
    assertThat(settings.tls().keyStorePassword()).isEqualTo("key-secret");
    assertThat(settings.toString()).doesNotContain("key-secret").doesNotContain("api-secret");
  }

  @Test
  void secretsComeFromTheirRetarusEnvironmentNames() {
    assertThat(ConfigSource.environmentVariable(ConfigKeys.PROXY_PASSWORD)).isEqualTo("RETARUS_PROXY_PASSWORD");
    assertThat(ConfigSource.environmentVariable(ConfigKeys.PROXY_USERNAME)).isEqualTo("RETARUS_PROXY_USERNAME");
    assertThat(ConfigSource.environmentVariable(ConfigKeys.TRUST_STORE_PASSWORD)).isEqualTo("RETARUS_TRUST_STORE_PASSWORD");
    assertThat(ConfigSource.environmentVariable(ConfigKeys.KEY_STORE_PASSWORD)).isEqualTo("RETARUS_KEY_STORE_PASSWORD");
    assertThat(ConfigSource.environmentVariable(ConfigKeys.PROXY)).isEqualTo("RETARUS_FAX_PROXY");
  }

  @Test
  void badValuesNameTheirKeyAndNeverThePassword() {
    Map<String, String> badUrl = base();
    badUrl.put(ConfigKeys.PROXY, "ftp://jane:SECRET-1@egress:21");
    Map<String, String> halfCredentials = base();
    halfCredentials.put(ConfigKeys.PROXY_PASSWORD, "SECRET-2");
    Map<String, String> passwordWithoutStore = base();
    passwordWithoutStore.put(ConfigKeys.TRUST_STORE_PASSWORD, "SECRET-3");

    assertThatThrownBy(() -> settingsFor(badUrl)).isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining(ConfigKeys.PROXY).satisfies(e -> assertThat(e.getMessage()).doesNotContain("SECRET"));
    assertThatThrownBy(() -> settingsFor(halfCredentials)).isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining(ConfigKeys.PROXY_USERNAME).satisfies(e -> assertThat(e.getMessage()).doesNotContain("SECRET"));
    assertThatThrownBy(() -> settingsFor(passwordWithoutStore)).isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining(ConfigKeys.TRUST_STORE).satisfies(e -> assertThat(e.getMessage()).doesNotContain("SECRET"));
  }
}
