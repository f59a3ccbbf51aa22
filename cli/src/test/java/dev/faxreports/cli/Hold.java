package dev.faxreports.cli;

import dev.faxreports.testkit.FakeFaxService;
import dev.faxreports.testkit.RecordedCall;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Keeps a moment a test must act on — a SIGKILL, a SIGTERM, a database stopped — from passing
 * unseen, whatever the speed of the machine: once {@linkplain #arm armed}, every call reaching the
 * fake for which the condition holds waits there, before the fake acts on it, until the test has
 * acted and {@linkplain #release() releases} it. The tool under test cannot get past the moment
 * (list another page, finish the drain) while the test is slow to look, nor does the test need to
 * catch it in flight: it waits for {@link #holding()}, or for what it observes itself.
 *
 * <p>A hold lasts at most {@link #LONGEST}, then lets the call through, so that a test that failed
 * before releasing does not hang the fake. The tool's own request timeout (3 s in {@link
 * CliFixture}) still runs: a held call is retried by the tool, and held again.
 */
final class Hold {

  /** The longest any call is held. */
  static final Duration LONGEST = Duration.ofSeconds(60);

  /** When a call is held; it may read the database or files, and throw. */
  @FunctionalInterface
  interface Condition {
    boolean holds(RecordedCall call) throws Exception;
  }

  private record Armed(Condition condition, CountDownLatch released) {}

  private volatile Armed armed;
  private volatile boolean holding;
  private final List<String> errors = new CopyOnWriteArrayList<>();

  private Hold() {}

  /** A hold on the calls {@code fake} receives, not yet armed. */
  static Hold on(FakeFaxService fake) {
    Hold hold = new Hold();
    fake.onCall(hold::arrived);
    return hold;
  }

  /** From now on, holds every call for which {@code condition} holds, until {@link #release()}. */
  void arm(Condition condition) {
    holding = false;
    armed = new Armed(condition, new CountDownLatch(1));
  }

  /** Whether a call is waiting (or has waited) since the hold was last armed. */
  boolean holding() {
    return holding;
  }

  /** Lets every held call go on, and holds no more until armed again. */
  void release() {
    Armed was = armed;
    armed = null;
    if (was != null) {
      was.released.countDown();
    }
  }

  /** What a condition threw (the call was held then, to be safe): a test asserts there is none. */
  List<String> errors() {
    return errors;
  }

  private void arrived(RecordedCall call) {
    Armed now = armed;
    if (now == null) {
      return;
    }
    boolean hold;
    try {
      hold = now.condition.holds(call);
    } catch (Exception e) {
      errors.add(call.operation() + " at " + call.dataCenter() + ": " + e);
      hold = true;
    }
    if (hold) {
      holding = true;
      try {
        now.released.await(LONGEST.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
