package dev.faxreports.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faxreports.FaxReports;
import dev.faxreports.model.DataCenter;
import dev.faxreports.model.DeletionResult;
import dev.faxreports.model.FaxReport;
import dev.faxreports.testkit.FakeFaxService;
import dev.faxreports.testkit.Fault;
import dev.faxreports.testkit.SampleReports;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * One facade, 16 threads, mixed operations, some faults: every thread gets exactly its own
 * results, nothing deadlocks, and it is all over well within a minute.
 */
class ConcurrencyTest {

  private static final int THREADS = 16;
  private static final int ROUNDS = 25;

  @Test
  void sixteenThreadsShareOneFacadeWithoutLosingAResult() throws Exception {
    FakeFaxService fake = FakeFaxService.europe();
    fake.faults().randomly(16L, 0.05, List.of(Fault.unavailable(), Fault.delay(Duration.ofMillis(5))));
    try (FaxReports reports = fake.facade()) {
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      List<Future<Integer>> workers = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        workers.add(pool.submit(worker(fake, reports, t)));
      }
      pool.shutdown();
      assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).as("all threads finished").isTrue();
      int rounds = 0;
      for (Future<Integer> worker : workers) {
        rounds += worker.get();
      }
      assertThat(rounds).isEqualTo(THREADS * ROUNDS);
      assertThat(fake.reports(DataCenter.DE1)).isEmpty();
      assertThat(fake.reports(DataCenter.DE2)).isEmpty();
    }
  }

  /** Each thread owns its job IDs: it seeds, finds, lists, deletes and checks them, round after round. */
  private static Callable<Integer> worker(FakeFaxService fake, FaxReports reports, int thread) {
    return () -> {
      for (int round = 0; round < ROUNDS; round++) {
        DataCenter home = thread % 2 == 0 ? DataCenter.DE1 : DataCenter.DE2;
        List<FaxReport> mine = SampleReports.generate("T" + thread + "R" + round + "X", 40, Instant.now(), thread);
        fake.seed(home, mine);
        List<String> ids = mine.stream().map(FaxReport::jobId).toList();

        assertThat(reports.getMany(ids).reports()).isEqualTo(mine);
        assertThat(reports.get(ids.get(3))).contains(mine.get(3));
        reports.list(); // concurrent listings of everyone's reports must not disturb anything
        assertThat(reports.deleteMany(ids).results()).hasSize(40).allMatch(DeletionResult::deleted);
        assertThat(reports.get(ids.get(3))).isEmpty();
      }
      return ROUNDS;
    };
  }

}
