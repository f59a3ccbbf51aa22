package dev.faxreports.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.faxreports.FaxReports;
import dev.faxreports.FaxReportsBuilder;
import dev.faxreports.RetryPolicy;
import dev.faxreports.port.TransportSettings;
import dev.faxreports.support.RecordingProvider;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The catalogue of settings: each described once, secrets never shown, durations in both forms. */
class SettingsTest {

  private static final String SECRET = "Catalogue-S3cret";

  @Test
  void everySettingHasAKeyAnEnvironmentVariableAndAOneLineDoc() {
    assertThat(Settings.ALL).isNotEmpty().allSatisfy(setting -> {
      assertThat(setting.key()).startsWith("retarus.fax.");
      assertThat(setting.environmentVariable()).startsWith("RETARUS_").matches("[A-Z_]+");
      assertThat(setting.doc()).as(setting.key()).isNotBlank().doesNotContain("\n").doesNotEndWith(".");
      assertThat(ConfigSource.environmentVariable(setting.key())).isEqualTo(setting.environmentVariable());
      assertThat(Settings.find(setting.key())).containsSame(setting);
    });
    assertThat(Settings.ALL).extracting(Setting::key).doesNotHaveDuplicates().isEqualTo(ConfigKeys.ALL);
    assertThat(Settings.ALL).extracting(Setting::environmentVariable).doesNotHaveDuplicates();
  }

  @Test
  void aKeyTheCatalogueDoesNotKnowIsSpelledInCapitals() {
    assertThat(ConfigSource.environmentVariable("retarus.fax.metrics.customer-number-tag"))
        .isEqualTo("RETARUS_FAX_METRICS_CUSTOMER_NUMBER_TAG");
    assertThat(Settings.find("retarus.fax.metrics.customer-number-tag")).isEmpty();
  }

  @Test
  void theDefaultsAreTheBuildersOwn() {
    assertThat(Settings.CONNECT_TIMEOUT.defaultValue()).contains(TransportSettings.DEFAULT_CONNECT_TIMEOUT);
    assertThat(Settings.REQUEST_TIMEOUT.defaultValue()).contains(TransportSettings.DEFAULT_REQUEST_TIMEOUT);
    assertThat(Settings.MAX_RESPONSE_BYTES.defaultValue()).contains(TransportSettings.DEFAULT_MAX_RESPONSE_BYTES);
    assertThat(Settings.DEADLINE.defaultValue()).contains(FaxReportsBuilder.DEFAULT_DEADLINE);
    assertThat(Settings.MAX_ATTEMPTS.defaultValue()).contains(RetryPolicy.DEFAULT.maxAttempts());
    assertThat(Settings.STRICT.defaultValue()).contains(false);
    assertThat(Settings.ALLOW_INSECURE_HTTP.defaultValue()).contains(false);
    assertThat(Settings.TRANSPORT.defaultValue()).as("the only one on the class path").isEmpty();
  }

  @Test
  void defaultsAreWrittenAsAConfigurationWritesThem() {
    assertThat(Settings.CONNECT_TIMEOUT.defaultText()).contains("10s");
    assertThat(Settings.DEADLINE.defaultText()).contains("2m");
    assertThat(Settings.MAX_ATTEMPTS.defaultText()).contains("4");
    assertThat(Settings.MAX_RESPONSE_BYTES.defaultText()).contains("16777216");
    assertThat(Settings.PROXY.defaultText()).isEmpty();
    Settings.ALL.forEach(setting -> setting.defaultText().ifPresent(text -> assertThat(
        setting.parse(new ConfigValue(setting.key(), text, "a test"))).as(setting.key())
        .isEqualTo(setting.defaultValue().orElseThrow())));
  }

  @Test
  void theSecretsAreThePasswordsAndHaveNoDefault() {
    assertThat(Settings.ALL.stream().filter(Setting::secret)).extracting(Setting::key).containsExactly(
        ConfigKeys.PASSWORD, ConfigKeys.PROXY_PASSWORD, ConfigKeys.TRUST_STORE_PASSWORD,
        ConfigKeys.KEY_STORE_PASSWORD);
    assertThat(Settings.ALL.stream().filter(Setting::secret)).allSatisfy(secret ->
        assertThat(secret.defaultValue()).isEmpty());
    assertThat(Settings.isSecret("account.billing.password")).as("a key outside the catalogue").isTrue();
    assertThat(Settings.isSecret(ConfigKeys.USERNAME)).isFalse();
  }

  @Test
  void aSecretsValueIsInNoToStringAndNoMessage() {
    for (Setting<?> setting : Settings.ALL.stream().filter(Setting::secret).toList()) {
      ConfigValue value = new ConfigValue(setting.key(), SECRET, "a test");

      assertThat(value.toString()).as(setting.key()).contains(setting.key()).doesNotContain(SECRET);
      assertThat(setting.toString()).contains(setting.key()).doesNotContain(SECRET);
      assertThat(ConfigValues.invalid(value, "is wrong").getMessage()).contains(setting.key())
          .doesNotContain(SECRET);
    }
  }

  @Test
  void theOtherHalfOfEveryCredentialPairIsNamedWithItsVariableAndThePasswordNeverShown() {
    for (CredentialPair pair : List.of(Settings.CREDENTIALS, Settings.PROXY_CREDENTIALS)) {
      Throwable noUser = catchThrowable(() -> pair.read(ConfigSource.of(Map.of(pair.password().key(), SECRET))));
      Throwable noPassword = catchThrowable(() -> pair.read(ConfigSource.of(Map.of(pair.user().key(), "jane"))));
      Throwable badUser = catchThrowable(() -> pair.read(ConfigSource.of(
          Map.of(pair.user().key(), "ja:ne", pair.password().key(), SECRET))));

      assertThat(noUser).hasMessageContaining(pair.user().key()).hasMessageContaining(pair.user().environmentVariable())
          .hasMessageNotContaining(SECRET);
      assertThat(noPassword).hasMessageContaining(pair.password().key())
          .hasMessageContaining(pair.password().environmentVariable());
      assertThat(badUser).hasMessageStartingWith(pair.user().key()).hasMessageNotContaining(SECRET);
      assertThat(pair.read(ConfigSource.empty())).isEmpty();
      assertThat(pair.read(ConfigSource.of(Map.of(pair.user().key(), "jane", pair.password().key(), SECRET))))
          .hasValueSatisfying(credentials -> assertThat(credentials.password()).isEqualTo(SECRET));
    }
  }

  /** Where a configuration is read from, each given the settings as key and value. */
  enum EntryPoint {
    PROPERTIES(values -> {
      Properties properties = new Properties();
      properties.putAll(values);
      return ConfigSource.of(properties);
    }),
    ENVIRONMENT(values -> {
      Map<String, String> variables = new HashMap<>();
      values.forEach((key, value) -> variables.put(ConfigSource.environmentVariable(key), value));
      return ConfigSource.environment(variables);
    }),
    BUILDER_MAP(ConfigSource::of);

    final Function<Map<String, String>, ConfigSource> source;

    EntryPoint(Function<Map<String, String>, ConfigSource> source) {
      this.source = source;
    }
  }

  @ParameterizedTest(name = "{0}: {1} and {2}")
  @CsvSource({
      "PROPERTIES, 7s, PT7S", "PROPERTIES, 1500ms, PT1.5S",
      "ENVIRONMENT, 7s, PT7S", "ENVIRONMENT, 2m, PT2M",
      "BUILDER_MAP, 7s, PT7S", "BUILDER_MAP, 1h, PT1H"})
  void durationsAreReadInBothFormsFromEveryEntryPoint(EntryPoint entry, String short_, String iso) {
    for (String written : List.of(short_, iso)) {
      Map<String, String> values = new HashMap<>(Map.of("retarus.fax.region", "EUROPE",
          "retarus.fax.customer-number", "4711", "retarus.fax.username", "u", "retarus.fax.password", "p"));
      values.put(ConfigKeys.CONNECT_TIMEOUT, written);
      values.put(ConfigKeys.REQUEST_TIMEOUT, written);
      values.put(ConfigKeys.DEADLINE, written);
      RecordingProvider recording = new RecordingProvider("rec");

      FaxReports.builder().configure(entry.source.apply(values)).transport(recording).build().close();

      assertThat(recording.settings().connectTimeout()).as(written).isEqualTo(Duration.parse(iso));
      assertThat(recording.settings().requestTimeout()).as(written).isEqualTo(Duration.parse(iso));
      assertThat(Settings.DEADLINE.read(entry.source.apply(values))).contains(Duration.parse(iso));
    }
  }
}
