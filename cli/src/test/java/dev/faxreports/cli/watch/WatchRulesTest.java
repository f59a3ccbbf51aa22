package dev.faxreports.cli.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faxreports.Backoff;
import dev.faxreports.cli.DurationOption;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

/** The rules {@code watch} lives by: how long it waits after failures, and when it calls itself unhealthy. */
class WatchRulesTest {

  private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

  @Test
  void waitsAfterFailuresStartShortDoubleAndStopAtTheCap() {
    Backoff backoff = WatchLoop.backoff(Duration.ofMinutes(10), Duration.ofMinutes(5));
    assertThat(backoff.after(1)).isEqualTo(Duration.ofSeconds(5));
    assertThat(backoff.after(2)).isEqualTo(Duration.ofSeconds(10));
    assertThat(backoff.after(6)).isEqualTo(Duration.ofSeconds(160));
    assertThat(backoff.after(7)).isEqualTo(Duration.ofMinutes(5));
    assertThat(backoff.after(1_000_000)).isEqualTo(Duration.ofMinutes(5)); // no overflow, ever
    assertThat(backoff.after(6)).isNotEqualTo(backoff.cap());
    assertThat(backoff.after(7)).isEqualTo(backoff.cap());
  }

  @Test
  void aShortIntervalIsAlsoTheFirstWaitAndACapBelowItIsRaisedToIt() {
    assertThat(WatchLoop.backoff(Duration.ofMillis(200), Duration.ofMinutes(5)).after(1)).isEqualTo(Duration.ofMillis(200));
    assertThat(WatchLoop.backoff(Duration.ofSeconds(30), Duration.ofSeconds(1)).after(3)).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void healthIsGoodWhileStartingSucceedingOrRetryingAndBadOnceTheWaitsAreCapped() {
    WatchHealth health = new WatchHealth();
    assertThat(health.status()).isEqualTo(new WatchHealth.Status(true, "starting: the first round is running"));

    health.succeeded(T0);
    assertThat(health.status().healthy()).isTrue();
    assertThat(health.status().text()).isEqualTo("ok: the last round succeeded at 2026-11-25T10:00:00Z");

    health.failed(T0.plusSeconds(60), "data center DE2 failed: 503", T0.plusSeconds(65), false);
    assertThat(health.status().healthy()).isTrue();
    assertThat(health.status().text()).startsWith("retrying at 2026-11-25T10:01:05Z, failing since 2026-11-25T10:01:00Z")
        .contains("last success 2026-11-25T10:00:00Z").endsWith("data center DE2 failed: 503");

    health.failed(T0.plusSeconds(600), "database unreachable", T0.plusSeconds(900), true);
    assertThat(health.status().healthy()).isFalse();
    assertThat(health.status().text()).startsWith("failing since 2026-11-25T10:01:00Z").endsWith("database unreachable");

    health.succeeded(T0.plusSeconds(900));
    assertThat(health.status().healthy()).isTrue();
  }

  @Test
  void durationsAreReadAsPeopleWriteThem() {
    DurationOption option = new DurationOption();
    assertThat(option.convert("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(option.convert("30s")).isEqualTo(Duration.ofSeconds(30));
    assertThat(option.convert("5m")).isEqualTo(Duration.ofMinutes(5));
    assertThat(option.convert("1H")).isEqualTo(Duration.ofHours(1));
    assertThat(option.convert("2d")).isEqualTo(Duration.ofDays(2));
    assertThat(option.convert("PT1M30S")).isEqualTo(Duration.ofSeconds(90));
    for (String wrong : new String[] {"0s", "-5s", "PT0S", "5 minutes", "", "99999999999s"}) {
      assertThatThrownBy(() -> option.convert(wrong)).isInstanceOf(TypeConversionException.class)
          .hasMessageContaining("no positive duration");
    }
    for (String extreme : new String[] {"PT0.0001S", "366d", "PT99999999999H"}) {
      assertThatThrownBy(() -> option.convert(extreme)).isInstanceOf(TypeConversionException.class)
          .hasMessageContaining("out of range");
    }
    assertThat(DurationOption.describe(Duration.ofSeconds(90))).isEqualTo("90s");
    assertThat(DurationOption.describe(Duration.ofMinutes(5))).isEqualTo("5m");
    assertThat(DurationOption.describe(Duration.ofHours(2))).isEqualTo("2h");
    assertThat(DurationOption.describe(Duration.ofMillis(200))).isEqualTo("200ms");
  }
}
