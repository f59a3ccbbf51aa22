package dev.faxreports.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faxreports.FaxReports;
import dev.faxreports.config.ConfigKeys;
import dev.faxreports.config.ConfigSource;
import dev.faxreports.error.InvalidArgumentException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The one rule for a list of endpoints ({@link DataCenter#ofAll}): each read as one endpoint, the
 * same data center twice counts once, two URLs under one name are refused. The builder and the
 * properties read by it; the connector's test holds the connector to it.
 */
class EndpointListTest {

  @Test
  void eachIsReadAsOneEndpointAndRepeatsCountOnce() {
    assertThat(DataCenter.ofAll(List.of("https://faxws.de1.retarus.com/rest/v1", " ", "LAB=http://127.0.0.1:8080/rest/v1",
        "https://faxws.de1.retarus.com/rest/v1")))
        .extracting(DataCenter::name).containsExactly("DE1", "LAB");
  }

  @Test
  void twoUrlsUnderOneNameAreRefused() {
    assertThatThrownBy(() -> DataCenter.ofAll(List.of("X=http://127.0.0.1:8080/rest/v1", "X=http://127.0.0.1:8081/rest/v1")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two data centers share a name")
        .hasMessageContaining("name them NAME=URL");
  }

  @Test
  void anEmptyListOrAWrongEndpointIsRefusedNamingIt() {
    assertThatThrownBy(() -> DataCenter.ofAll(List.of(" ", ""))).hasMessage("names no endpoint");
    assertThatThrownBy(() -> DataCenter.ofAll(List.of("https://faxws.de1.retarus.com/rest/v1", "ftp://h/x")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ftp://h/x");
  }

  @Test
  void theBuilderAndThePropertiesFollowTheSameRule() {
    String first = "X=http://127.0.0.1:8080/rest/v1";
    String second = "X=http://127.0.0.1:8081/rest/v1";
    assertThatThrownBy(() -> FaxReports.builder().endpoints(first, second).build())
        .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("two data centers share a name");
    assertThatThrownBy(() -> FaxReports.builder().configure(ConfigSource.of(Map.of(ConfigKeys.ENDPOINTS, first + "," + second))))
        .isInstanceOf(InvalidArgumentException.class).hasMessageContaining(ConfigKeys.ENDPOINTS)
        .hasMessageContaining("two data centers share a name");
  }
}
