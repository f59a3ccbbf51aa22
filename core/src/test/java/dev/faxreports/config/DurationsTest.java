package dev.faxreports.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The rule for durations, the same in every place that takes one: people's units or ISO-8601. */
class DurationsTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "500ms, PT0.5S",
      "30s, PT30S",
      "5m, PT5M",
      "1h, PT1H",
      "1d, PT24H",
      "PT30S, PT30S",
      "pt2m, PT2M",
      "' 30S ', PT30S",
      "P1DT2H, PT26H"})
  void bothFormsAreRead(String written, String expected) {
    Duration duration = Durations.parse(written);

    assertThat(duration).isEqualTo(Duration.parse(expected));
    assertThat(ConfigValues.duration(new ConfigValue("retarus.fax.request-timeout", written, "a test")))
        .as("configuration reads it alike").isEqualTo(duration);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "soon", "30", "30 s", "1w", "-5s", "1.5s", "30sec"})
  void anythingElseIsRefused(String written) {
    assertThatThrownBy(() -> Durations.parse(written)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("30s");
  }

  @ParameterizedTest
  @CsvSource({"PT0.5S, 500ms", "PT30S, 30s", "PT5M, 5m", "PT1H, 1h", "PT48H, 2d", "PT90S, 90s"})
  void describedAsPeopleWriteThem(String duration, String written) {
    assertThat(Durations.describe(Duration.parse(duration))).isEqualTo(written);
    assertThat(Durations.parse(written)).isEqualTo(Duration.parse(duration));
  }
}
