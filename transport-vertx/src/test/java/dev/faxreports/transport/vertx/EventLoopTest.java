package dev.faxreports.transport.vertx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faxreports.AsyncFaxReports;
import dev.faxreports.DrainSummary;
import dev.faxreports.FaxReports;
import dev.faxreports.RetryPolicy;
import dev.faxreports.model.DataCenter;
import dev.faxreports.testkit.FakeFaxServer;
import dev.faxreports.testkit.FakeFaxService;
import dev.faxreports.testkit.Fault;
import dev.faxreports.testkit.Operation;
import dev.faxreports.testkit.contract.ContractSubject;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.internal.threadchecker.BlockedThreadEvent;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Operations started on an event loop, answered on event loops, with retries and faults: Vert.x's
 * own blocked-thread checker, set 10 times stricter than its default of 2 s, never finds an event
 * loop waiting (sleeping, parked on a lock or a future).
 *
 * <p>The checker only measures how long one task has run. On a busy machine an event loop that
 * decodes a page of 1000 reports can be descheduled past 200 ms while never waiting for anything:
 * that is the machine, not a blocking call. So each event counts as blocking only if the event
 * loop is found waiting when it is reported; a loop that runs, however slowly, is not blocked.
 *
 * <p>The checker is armed after one warm-up round trip: Vert.x's first request loads Netty's
 * classes and builds its DNS resolver on the event loop, a one-time cost of Vert.x itself that
 * says nothing about the adapter.
 */
class EventLoopTest {

  /** Event loops reported over time while waiting, with what they were waiting in. */
  private final List<String> blocked = new CopyOnWriteArrayList<>();
  private Vertx vertx;
  private FakeFaxService fake;
  private FakeFaxServer server;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx(new VertxOptions()
        .setEventLoopPoolSize(2)
        .setBlockedThreadCheckInterval(10).setBlockedThreadCheckIntervalUnit(TimeUnit.MILLISECONDS)
        .setMaxEventLoopExecuteTime(200).setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS));
    fake = FakeFaxService.europe();
    server = FakeFaxServer.start(fake, ContractSubject.CUSTOMER_NUMBER, ContractSubject.CREDENTIALS);
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private void armTheChecker() {
    ((VertxInternal) vertx).blockedThreadChecker().setThreadBlockedHandler(this::recordIfWaiting);
  }

  private void recordIfWaiting(BlockedThreadEvent event) {
    Thread thread = event.thread();
    Thread.State state = thread.getState();
    if (state != Thread.State.RUNNABLE) {
      StackTraceElement[] stack = thread.getStackTrace();
      blocked.add(thread.getName() + " " + state + " for " + event.duration() / 1_000_000 + " ms in "
          + java.util.Arrays.toString(java.util.Arrays.copyOf(stack, Math.min(stack.length, 8))));
    }
  }

  @Test
  void theCheckerDoesCatchABlockedEventLoop() throws Exception {
    armTheChecker();
    runOnEventLoop(() -> {
      // Blocks until the checker has seen it (on a busy machine its thread may run late), 10 s at most.
      long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (blocked.isEmpty() && System.nanoTime() < giveUp) {
        sleepOnPurpose(50);
      }
      return CompletableFuture.completedFuture(null);
    });

    assertThat(blocked).isNotEmpty();
  }

  @Test
  void drainingAndListingFromAnEventLoopNeverBlocksIt() throws Exception {
    fake.seedSamples(DataCenter.DE1, 3_000);
    fake.seedSamples(DataCenter.DE2, 1_500);
    VertxTransport transport = VertxTransport.create(vertx, ContractSubject.SETTINGS);
    AsyncFaxReports reports = FaxReports.builder()
        .dataCenters(server.dataCenters())
        .transport(transport)
        .retryPolicy(new RetryPolicy(4, Duration.ofMillis(20), Duration.ofMillis(100), 2.0))
        .buildAsync();
    runOnEventLoop(() -> reports.list().toCompletableFuture()); // warm-up, see the class comment
    armTheChecker();
    fake.faults().failNext(Operation.LIST, 2, Fault.unavailable())
        .failNext(Operation.BULK_DELETE, 1, Fault.truncatedJson());

    DrainSummary summary = runOnEventLoop(() -> reports.drain(page -> { }).toCompletableFuture());
    runOnEventLoop(() -> reports.list().toCompletableFuture());

    assertThat(summary.acknowledged()).isEqualTo(4_500);
    assertThat(fake.calls(Operation.LIST).size()).as("retried lists").isGreaterThan(2 + 2 * 4);
    assertThat(fake.reports(DataCenter.DE1)).isEmpty();
    assertThat(blocked).as("blocked-thread events").isEmpty();
    reports.close();
    transport.close();
  }

  /** Starts {@code work} on an event loop and waits here, on the test thread, for its result. */
  private <T> T runOnEventLoop(java.util.function.Supplier<CompletableFuture<T>> work) throws Exception {
    CompletableFuture<T> result = new CompletableFuture<>();
    Context context = vertx.getOrCreateContext();
    context.runOnContext(ignored -> {
      assertThat(Context.isOnEventLoopThread()).isTrue();
      work.get().whenComplete((value, error) -> {
        if (error != null) {
          result.completeExceptionally(error);
        } else {
          result.complete(value);
        }
      });
    });
    return result.get(30, TimeUnit.SECONDS);
  }

  private static void sleepOnPurpose(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
