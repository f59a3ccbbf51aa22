package dev.faxreports.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.faxreports.FaxReports;
import dev.faxreports.error.InvalidArgumentException;
import dev.faxreports.model.DataCenter;
import dev.faxreports.model.UserInfo;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** An endpoint with credentials in it is refused, and the refusal never prints them. */
class EndpointSecretsTest {

  private static final String SECRET = "S3cret-in-URL";

  @ParameterizedTest
  @ValueSource(strings = {
      "http://user:S3cret-in-URL@127.0.0.1:8080/rest/v1",
      "https://user:S3cret-in-URL@faxws.de1.retarus.com/rest/v1",
      "DE1=https://user:S3cret-in-URL@faxws.de1.retarus.com/rest/v1",
      "https://user:S3cret-in-URL@bad_host.example/rest/v1",       // no server-based host
      "ftp://user:S3cret-in-URL@example.com/rest/v1",              // wrong scheme
      "https://user:S3cret in URL@example.com/rest/v1",            // malformed
      "https://user:S3cret@in-URL@example.com/rest/v1",            // an unencoded @ in the password
      "https://user:S3cret/in-URL@example.com/rest/v1",            // an unencoded / in the password
      "user:S3cret-in-URL@example.com/rest/v1",                    // no scheme at all
      "https://example.com/rest/v1,https://user:S3cret-in-URL@example.org/rest/v1"})
  void theConfigurationRefusesItWithoutPrintingThePassword(String endpoints) {
    Throwable refused = catchThrowable(() -> FaxReports.builder()
        .configure(ConfigSource.of(Map.of(ConfigKeys.ENDPOINTS, endpoints))));

    assertThat(refused).isInstanceOf(InvalidArgumentException.class)
        .hasMessageStartingWith(ConfigKeys.ENDPOINTS);
    for (String part : new String[] {SECRET, "S3cret", "in-URL", "in URL"}) {
      assertThat(refused.getMessage()).doesNotContain(part);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "http://user:S3cret-in-URL@127.0.0.1:8080/rest/v1",
      "https://user:S3cret-in-URL@bad_host.example/rest/v1",
      "ftp://user:S3cret-in-URL@example.com/rest/v1",
      "https://user:S3cret in URL@example.com/rest/v1"})
  void theDataCenterRefusesItWithoutPrintingThePassword(String endpoint) {
    assertThatThrownBy(() -> DataCenter.of(endpoint)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("S3cret");
  }

  @Test
  void userInfoIsMaskedAndTheRestOfTheUrlKept() {
    assertThat(UserInfo.redacted("https://u:p@host:8443/rest/v1")).isEqualTo("https://****@host:8443/rest/v1");
    assertThat(UserInfo.redacted("https://host/rest/v1")).isEqualTo("https://host/rest/v1");
    assertThat(UserInfo.redacted("DE1=http://u@h/x")).isEqualTo("DE1=http://****@h/x");
    assertThat(UserInfo.redacted(null)).isNull();
  }

  /** The one masking function serves every URL a user can type, JDBC ones and whole arguments too. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "jdbc:sqlite:/data/a@b.db | jdbc:sqlite:/data/a@b.db",
      "--jdbc=jdbc:sqlite:/data/a@b.db?password=S3cret | --jdbc=jdbc:sqlite:/data/a@b.db?password=****",
      "jdbc:postgresql://u:S3cret@db:5432/fax | jdbc:postgresql://****@db:5432/fax",
      "--jdbc=jdbc:postgresql://db/fax?user=u&PASSWORD=S3cret | --jdbc=jdbc:postgresql://db/fax?user=u&PASSWORD=****",
      "jdbc:postgresql:fax?password=S3cret | jdbc:postgresql:fax?password=****",
      "--proxy=http://u:S3cret@proxy:3128 | --proxy=http://****@proxy:3128",
      "u:S3cret@proxy:3128 | ****@proxy:3128"})
  void everyUrlAUserTypesIsMaskedByTheOneFunction(String typed, String shown) {
    assertThat(UserInfo.redacted(typed)).isEqualTo(shown);
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://127.0.0.1:99999/rest/v1", "http://127.0.0.1:65536/rest/v1",
      "http://127.0.0.1:0/rest/v1"})
  void aPortOutOfRangeIsRefusedBeforeAnythingIsSent(String endpoint) {
    assertThatThrownBy(() -> FaxReports.builder().configure(ConfigSource.of(Map.of(ConfigKeys.ENDPOINTS, endpoint))))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("port").hasMessageContaining("out of range");
  }

  @Test
  void theHighestPortIsFine() {
    assertThat(DataCenter.of("http://127.0.0.1:65535/rest/v1").baseUri().getPort()).isEqualTo(65535);
  }
}
