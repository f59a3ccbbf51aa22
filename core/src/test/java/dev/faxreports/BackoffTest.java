package dev.faxreports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The one back-off rule the library's retries, watch and the Kafka connector share. */
class BackoffTest {

  @Test
  void waitsGrowByTheMultiplierFromTheFirstAndStopAtTheCapWithoutOverflow() {
    Backoff doubling = Backoff.doubling(Duration.ofMillis(500), Duration.ofSeconds(60));

    assertThat(doubling.after(1)).isEqualTo(Duration.ofMillis(500));
    assertThat(doubling.after(2)).isEqualTo(Duration.ofSeconds(1));
    assertThat(doubling.after(8)).isEqualTo(Duration.ofSeconds(60)); // 64 s, capped
    assertThat(doubling.after(Integer.MAX_VALUE)).isEqualTo(Duration.ofSeconds(60));
    assertThat(new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), 3.0).after(3)).isEqualTo(Duration.ofSeconds(9));
  }

  @Test
  void aCapBelowTheFirstWaitIsEveryWait() {
    assertThat(Backoff.doubling(Duration.ofSeconds(1), Duration.ofMillis(10)).after(1)).isEqualTo(Duration.ofMillis(10));
  }

  @Test
  void jitterKeepsEachWaitBetweenHalfAndAllOfIt() {
    Backoff doubling = Backoff.doubling(Duration.ofSeconds(1), Duration.ofSeconds(60));
    SplittableRandom random = new SplittableRandom(7);
    for (int failures = 1; failures <= 10; failures++) {
      Duration exact = doubling.after(failures);
      for (int i = 0; i < 100; i++) {
        assertThat(doubling.jitteredAfter(failures, random)).isBetween(exact.dividedBy(2), exact);
      }
    }
  }

  @Test
  void theRetryPolicyWaitsByIt() {
    RetryPolicy policy = new RetryPolicy(5, Duration.ofMillis(250), Duration.ofSeconds(8), 2.0);
    SplittableRandom random = new SplittableRandom(1);

    assertThat(policy.backoff().after(3)).isEqualTo(Duration.ofSeconds(1));
    assertThat(policy.delayBefore(4, null, random)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
    assertThat(policy.delayBefore(2, Duration.ofSeconds(3), random)).isEqualTo(Duration.ofSeconds(3));
  }
}
