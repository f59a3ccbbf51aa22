package dev.faxreports.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faxreports.config.ConfigKeys;
import dev.faxreports.config.Setting;
import dev.faxreports.config.Settings;
import dev.faxreports.config.TransportChoice;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.ConfigKey;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The library's settings in the connector's configuration come from the library's catalogue. */
class FaxReportsSourceConfigTest {

  private static final String SECRET = "Connector-S3cret";

  private static Map<String, String> props() {
    return new HashMap<>(Map.of("accounts", "billing",
        "account.billing.customer-number", "12345", "account.billing.username", "user",
        "account.billing.password", SECRET, "retarus.fax.region", "EUROPE", "topic", "reports"));
  }

  private static List<Setting<?>> shared() {
    List<Setting<?>> shared = LibrarySettingDefinitions.defined();
    assertThat(shared).as("what is passed on is defined").containsAll(FaxReportsSourceConfig.LIBRARY_SETTINGS)
        .contains(Settings.REGION, Settings.ENDPOINTS);
    return shared;
  }

  @Test
  void everySharedSettingHasTheCataloguesKeyDocDefaultAndSecrecy() {
    Map<String, ConfigKey> keys = FaxReportsSourceConfig.baseDefinition().configKeys();

    assertThat(shared()).allSatisfy(setting -> {
      ConfigKey key = keys.get(setting.key());
      assertThat(key).as(setting.key()).isNotNull();
      assertThat(key.documentation).as(setting.key()).startsWith(setting.doc());
      assertThat(key.type == Type.PASSWORD).as(setting.key() + " is a password").isEqualTo(setting.secret());
      if (setting != Settings.TRANSPORT) {
        assertThat(key.defaultValue == null ? null : String.valueOf(key.defaultValue)).as(setting.key())
            .isEqualTo(setting.defaultText().orElse(null));
      }
    });
    assertThat(keys.get(ConfigKeys.TRANSPORT).defaultValue).as("the plugin ships every transport").isEqualTo("feign");
  }

  @Test
  void theTransportsAreTheOnesTheLibraryFinds() {
    ConfigDef.Validator transports = FaxReportsSourceConfig.baseDefinition().configKeys().get(ConfigKeys.TRANSPORT).validator;
    assertThat(TransportChoice.names()).containsExactlyInAnyOrder("feign", "vertx");

    for (String name : TransportChoice.names()) {
      Map<String, String> props = props();
      props.put(ConfigKeys.TRANSPORT, name);
      new FaxReportsSourceConfig(props);
    }
    assertThatThrownBy(() -> transports.ensureValid(ConfigKeys.TRANSPORT, "okhttp"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("feign").hasMessageContaining("vertx");
  }

  @ParameterizedTest(name = "{0}: {1} and {2}")
  @CsvSource({
      "retarus.fax.connect-timeout, 7s, PT7S",
      "retarus.fax.request-timeout, 1500ms, PT1.5S",
      "retarus.fax.deadline, 5m, PT5M"})
  void durationsAreReadInBothForms(String key, String short_, String iso) {
    for (String written : List.of(short_, iso)) {
      Map<String, String> props = props();
      props.put(key, written);

      FaxReportsSourceConfig config = new FaxReportsSourceConfig(props);

      assertThat(config.librarySettings().values()).containsEntry(key, written);
      config.builderFor(config.pairs().get(0)); // the library reads it too
    }
  }

  @Test
  void aBadLibraryValueIsRefusedNamingItsKey() {
    Map<String, String> props = props();
    props.put(ConfigKeys.REQUEST_TIMEOUT, "soon");

    assertThatThrownBy(() -> new FaxReportsSourceConfig(props)).isInstanceOf(ConfigException.class)
        .hasMessageContaining(ConfigKeys.REQUEST_TIMEOUT).hasMessageContaining("30s");
  }

  /** An account's endpoints follow the library's one rule for endpoint lists (see EndpointListTest in core). */
  @Test
  void anAccountsEndpointsFollowTheLibrarysRule() {
    Map<String, String> props = props();
    props.remove("retarus.fax.region");
    props.put("account.billing.endpoints", "X=http://127.0.0.1:8080/rest/v1,X=http://127.0.0.1:8080/rest/v1");
    assertThat(new FaxReportsSourceConfig(props).accounts().get(0).dataCenters()).extracting(d -> d.name())
        .containsExactly("X");

    props.put("account.billing.endpoints", "X=http://127.0.0.1:8080/rest/v1,X=http://127.0.0.1:8081/rest/v1");
    assertThatThrownBy(() -> new FaxReportsSourceConfig(props)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("account.billing.endpoints").hasMessageContaining("two data centers share a name");
  }

  @Test
  void secretsAreHiddenFromConnectAndFromMessages() {
    Map<String, String> props = props();
    props.put(ConfigKeys.PROXY, "http://proxy.example:3128");
    props.put(ConfigKeys.PROXY_USERNAME, "jane");
    props.put(ConfigKeys.PROXY_PASSWORD, SECRET);

    FaxReportsSourceConfig config = new FaxReportsSourceConfig(props);

    assertThat(config.librarySettings().values()).containsEntry(ConfigKeys.PROXY_PASSWORD, SECRET);
    assertThat(config.librarySettings().toString()).doesNotContain(SECRET);
    assertThat(String.valueOf(config.values().get(ConfigKeys.PROXY_PASSWORD))).doesNotContain(SECRET);
    props.remove(ConfigKeys.PROXY_USERNAME);
    assertThatThrownBy(() -> new FaxReportsSourceConfig(props)).isInstanceOf(ConfigException.class)
        .hasMessageContaining(ConfigKeys.PROXY_USERNAME).hasMessageNotContaining(SECRET);
  }
}
