package dev.faxreports.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faxreports.FaxReports;
import dev.faxreports.error.InvalidArgumentException;
import dev.faxreports.model.Credentials;
import dev.faxreports.model.DataCenter;
import dev.faxreports.port.TransportSettings;
import dev.faxreports.support.RecordingProvider;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigurationTest {

  private static final String SECRET = "Pa55-w0rd-secret";

  private static Map<String, String> complete() {
    Map<String, String> values = new HashMap<>();
    values.put("retarus.fax.region", "usa");
    values.put("retarus.fax.customer-number", "4711");
    values.put("retarus.fax.username", "user");
    values.put("retarus.fax.password", SECRET);
    return values;
  }

  @Test
  void everyKeyReachesTheFacadeAndTheTransport() {
    Map<String, String> values = complete();
    values.put("retarus.fax.connect-timeout", "PT3S");
    values.put("retarus.fax.request-timeout", "pt7s");
    values.put("retarus.fax.max-attempts", "2");
    values.put("retarus.fax.max-response-bytes", "1048576");
    RecordingProvider provider = new RecordingProvider("rec");

    try (FaxReports reports = FaxReports.builder().configure(ConfigSource.of(values)).transport(provider).build()) {
      assertThat(reports.async().dataCenters()).containsExactly(DataCenter.US1, DataCenter.US2);
    }
    TransportSettings settings = provider.settings();
    assertThat(settings.customerNumber()).isEqualTo("4711");
    assertThat(settings.credentials()).isEqualTo(new Credentials("user", SECRET));
    assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(settings.requestTimeout()).isEqualTo(Duration.ofSeconds(7));
    assertThat(settings.maxResponseBytes()).isEqualTo(1_048_576L);
  }

  @Test
  @SuppressWarnings("try") // building the facade is the point: the transport records its settings
  void theAnswerLimitDefaultsTo16MiBAndComesFromItsEnvironmentVariable() {
    RecordingProvider defaults = new RecordingProvider("rec");
    try (FaxReports reports = FaxReports.builder().configure(ConfigSource.of(complete())).transport(defaults).build()) {
      assertThat(defaults.settings().maxResponseBytes())
          .isEqualTo(TransportSettings.DEFAULT_MAX_RESPONSE_BYTES).isEqualTo(16L * 1024 * 1024);
    }
    assertThat(ConfigSource.environmentVariable("retarus.fax.max-response-bytes"))
        .isEqualTo("RETARUS_FAX_MAX_RESPONSE_BYTES");
    RecordingProvider fromEnv = new RecordingProvider("rec");
    ConfigSource env = ConfigSource.of(complete())
        .or(ConfigSource.environment(Map.of("RETARUS_FAX_MAX_RESPONSE_BYTES", "65536")));
    try (FaxReports reports = FaxReports.builder().configure(env).transport(fromEnv).build()) {
      assertThat(fromEnv.settings().maxResponseBytes()).isEqualTo(65_536L);
    }
  }

  @Test
  void endpointsOverrideTheRegion() {
    Map<String, String> values = complete();
    values.put("retarus.fax.endpoints", "http://127.0.0.1:8081/rest/v1, http://127.0.0.1:8082/rest/v1");

    try (FaxReports reports = FaxReports.builder().configure(ConfigSource.of(values))
        .transport(new RecordingProvider("rec")).build()) {
      assertThat(reports.async().dataCenters()).extracting(DataCenter::name)
          .containsExactly("127.0.0.1:8081", "127.0.0.1:8082");
    }
  }

  @Test
  void environmentVariablesFollowTheRetarusNames() {
    assertThat(ConfigSource.environmentVariable("retarus.fax.request-timeout")).isEqualTo("RETARUS_FAX_REQUEST_TIMEOUT");
    assertThat(ConfigSource.environmentVariable("retarus.fax.customer-number")).isEqualTo("RETARUS_CUSTOMER_NUMBER");
    assertThat(ConfigSource.environmentVariable("retarus.fax.username")).isEqualTo("RETARUS_USERNAME");
    assertThat(ConfigSource.environmentVariable("retarus.fax.password")).isEqualTo("RETARUS_PASSWORD");
    assertThat(ConfigSource.environmentVariable("retarus.fax.transport")).isEqualTo("RETARUS_FAX_TRANSPORT");

    ConfigSource env = ConfigSource.environment(Map.of("RETARUS_CUSTOMER_NUMBER", "99", "RETARUS_FAX_REGION", "EUROPE"));
    assertThat(env.get("retarus.fax.customer-number")).hasValueSatisfying(v -> {
      assertThat(v.value()).isEqualTo("99");
      assertThat(v.origin()).isEqualTo("environment variable RETARUS_CUSTOMER_NUMBER");
    });
  }

  @Test
  void theFirstSourceThatHasAKeyWins() {
    Properties properties = new Properties();
    properties.setProperty("retarus.fax.region", "EUROPE");
    ConfigSource combined = ConfigSource.of(Map.of("retarus.fax.region", "  ")) // blank counts as absent
        .or(ConfigSource.of(properties))
        .or(ConfigSource.environment(Map.of("RETARUS_FAX_REGION", "USA")));

    assertThat(combined.get("retarus.fax.region")).map(ConfigValue::value).contains("EUROPE");
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(delimiter = '|', value = {
      "retarus.fax.request-timeout | soon       | is not a duration such as 500ms, 30s",
      "retarus.fax.connect-timeout | PT0S       | must be a positive duration",
      "retarus.fax.deadline        | -PT1M      | must be a positive duration",
      "retarus.fax.max-attempts    | many       | is not a whole number",
      "retarus.fax.max-attempts    | 0          | must be at least 1",
      "retarus.fax.max-response-bytes | 16MB    | is not a whole number",
      "retarus.fax.max-response-bytes | 0       | must be at least 1",
      "retarus.fax.max-response-bytes | 9999999999 | must be at most",
      "retarus.fax.strict          | yes        | must be true or false",
      "retarus.fax.region          | ASIA       | unknown region",
      "retarus.fax.endpoints       | not a url  | malformed endpoint URL",
      "retarus.fax.endpoints       | ftp://x/y  | https://",
      "retarus.fax.customer-number | 12/34      | customer number"})
  void aBadValueIsAnErrorNamingItsKey(String key, String value, String problem) {
    Map<String, String> values = complete();
    values.put(key, value);

    assertThatThrownBy(() -> FaxReports.builder().configure(ConfigSource.of(values)))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageStartingWith(key + " (configuration map)")
        .hasMessageContaining(problem);
  }

  @Test
  void errorsNameTheEnvironmentVariableTheValueCameFrom() {
    ConfigSource env = ConfigSource.environment(Map.of("RETARUS_FAX_REQUEST_TIMEOUT", "soon"));

    assertThatThrownBy(() -> FaxReports.builder().configure(env))
        .hasMessageContaining("environment variable RETARUS_FAX_REQUEST_TIMEOUT").hasMessageContaining("'soon'");
  }

  @Test
  void halfACredentialIsNamedAndThePasswordNeverShown() {
    Map<String, String> onlyPassword = complete();
    onlyPassword.remove("retarus.fax.username");
    Map<String, String> badUser = complete();
    badUser.put("retarus.fax.username", "a:b");

    assertThatThrownBy(() -> FaxReports.builder().configure(ConfigSource.of(onlyPassword)))
        .hasMessageContaining("retarus.fax.username").hasMessageNotContaining(SECRET);
    assertThatThrownBy(() -> FaxReports.builder().configure(ConfigSource.of(badUser)))
        .hasMessageNotContaining(SECRET);
    assertThat(new ConfigValue("retarus.fax.password", SECRET, "env").toString()).doesNotContain(SECRET);
  }

  @Test
  void missingCredentialsOrCustomerNumberSayWhichKeyToSet() {
    Map<String, String> noCredentials = complete();
    noCredentials.remove("retarus.fax.username");
    noCredentials.remove("retarus.fax.password");
    Map<String, String> noCustomer = complete();
    noCustomer.remove("retarus.fax.customer-number");

    assertThatThrownBy(() -> FaxReports.builder().configure(ConfigSource.of(noCredentials))
        .transport(new RecordingProvider("rec")).build()).hasMessageContaining("RETARUS_USERNAME");
    assertThatThrownBy(() -> FaxReports.builder().configure(ConfigSource.of(noCustomer))
        .transport(new RecordingProvider("rec")).build()).hasMessageContaining("RETARUS_CUSTOMER_NUMBER");
  }

  @Test
  void plainHttpToAnotherHostIsRefusedEvenFromConfiguration() {
    Map<String, String> values = complete();
    values.put("retarus.fax.endpoints", "http://faxws.de1.retarus.com/rest/v1");

    assertThatThrownBy(() -> FaxReports.builder().configure(ConfigSource.of(values)).transport(new RecordingProvider("r")).build())
        .hasMessageContaining("clear text");
    values.put("retarus.fax.allow-insecure-http", "true");
    FaxReports.builder().configure(ConfigSource.of(values)).transport(new RecordingProvider("r")).build().close();
  }

  // ---- choosing the transport ----------------------------------------------------------------

  @Test
  void aNamedTransportIsChosenCaseInsensitively() {
    RecordingProvider feign = new RecordingProvider("feign");
    RecordingProvider vertx = new RecordingProvider("vertx");

    assertThat(TransportChoice.select("VertX", List.of(feign, vertx))).isSameAs(vertx);
  }

  @Test
  void theOnlyTransportOnTheClassPathNeedsNoName() {
    RecordingProvider only = new RecordingProvider("feign");

    assertThat(TransportChoice.select(null, List.of(only))).isSameAs(only);
  }

  @Test
  void noneOrSeveralWithoutANameIsAnErrorThatSaysWhatToDo() {
    assertThatThrownBy(() -> TransportChoice.select(null, List.of()))
        .hasMessageContaining("no transport").hasMessageContaining("faxreports-transport-feign");
    assertThatThrownBy(() -> TransportChoice.select(null, List.of(new RecordingProvider("feign"), new RecordingProvider("vertx"))))
        .hasMessageContaining("[feign, vertx]").hasMessageContaining("retarus.fax.transport");
    assertThatThrownBy(() -> TransportChoice.select("okhttp", List.of(new RecordingProvider("feign"))))
        .hasMessageContaining("unknown transport 'okhttp'").hasMessageContaining("[feign]");
  }

  @Test
  void theBuilderUsesTheServiceLoaderWhenGivenNoTransport() {
    // core has no provider registered: the error lists what to add.
    assertThatThrownBy(() -> FaxReports.builder().configure(ConfigSource.of(complete())).build())
        .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("no transport on the class path");
  }
}
