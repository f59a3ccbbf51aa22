package dev.faxreports.internal;

import static dev.faxreports.support.Facades.DC1;
import static dev.faxreports.support.Facades.DC2;
import static dev.faxreports.support.Reports.EPOCH;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faxreports.DrainSummary;
import dev.faxreports.FaxReports;
import dev.faxreports.model.DataCenter;
import dev.faxreports.model.DeletionResult;
import dev.faxreports.model.FaxReport;
import dev.faxreports.port.FaxReportsTransport;
import dev.faxreports.support.ManualScheduler;
import dev.faxreports.support.Reports;
import dev.faxreports.support.ScriptedTransport;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Data centers that acknowledge a delete and keep the report: the drain must end, hand out no
 * report twice, and say which data center is stuck — while still draining everything else.
 */
class UnprogressingDataCenterDrainTest {

  private final ScriptedTransport store = new ScriptedTransport();

  /** Answers bulk deletes of {@code keep}'s IDs with {@code answer} and leaves those reports stored. */
  private FaxReports facadeWhoseDeletes(Set<String> keep, Function<String, DeletionResult> answer) {
    FaxReportsTransport lying = new ForwardingTransport(store) {
      @Override
      public CompletionStage<List<DeletionResult>> bulkDelete(DataCenter dataCenter, List<String> jobIds) {
        List<String> honest = jobIds.stream().filter(id -> !keep.contains(id)).toList();
        CompletionStage<List<DeletionResult>> deleted = honest.isEmpty()
            ? CompletableFuture.completedFuture(List.of()) : store.bulkDelete(dataCenter, honest);
        return deleted.thenApply(results -> {
          List<DeletionResult> all = new ArrayList<>(results);
          jobIds.stream().filter(keep::contains).map(answer).forEach(all::add);
          return all;
        });
      }
    };
    return FaxReports.builder().dataCenters(List.of(DC1, DC2)).transport(lying)
        .scheduler(new ManualScheduler()).random(new Random(7)).build();
  }

  @Test
  void aStaleListingOfNotFoundReportsEndsTheDrainWithoutWritingThemAgain() {
    store.seed(DC1, Reports.many("A", 4, EPOCH));
    store.seed(DC2, Reports.many("B", 3, EPOCH));
    FaxReports reports = facadeWhoseDeletes(Set.of("A-0", "A-1", "A-2", "A-3"), DeletionResult::notFound);
    List<String> handedOut = new ArrayList<>();

    DrainSummary summary = reports.drain(page -> handedOut.addAll(Reports.ids(page.reports())));

    assertThat(handedOut).containsExactlyInAnyOrder("A-0", "A-1", "A-2", "A-3", "B-0", "B-1", "B-2");
    assertThat(summary.failures()).containsOnlyKeys(DC1);
    assertThat(summary.failures().get(DC1)).hasMessageContaining("no progress")
        .hasMessageContaining("listed again").hasMessageContaining("A-0");
    assertThat(summary.byDataCenter().get(DC1).deleted()).isZero();
    assertThat(summary.byDataCenter().get(DC1).alreadyGone()).isEqualTo(4);
    assertThat(summary.byDataCenter().get(DC2).deleted()).isEqualTo(3);
    assertThat(summary.byDataCenter().get(DC1).rounds()).isLessThanOrEqualTo(2 + RecentAcknowledgements.MAX_RELISTINGS);
  }

  @Test
  void aDeleteThatSaysDeletedButKeepsTheReportEndsTheDrainWithoutWritingItAgain() {
    store.seed(DC1, Reports.many("A", 2, EPOCH));
    FaxReports reports = facadeWhoseDeletes(Set.of("A-0", "A-1"), DeletionResult::deleted);
    List<String> handedOut = new ArrayList<>();

    DrainSummary summary = reports.drain(page -> handedOut.addAll(Reports.ids(page.reports())));

    assertThat(handedOut).containsExactly("A-0", "A-1");
    assertThat(summary.failures()).containsOnlyKeys(DC1);
    assertThat(store.stored(DC1)).containsExactlyInAnyOrder("A-0", "A-1");
  }

  @Test
  void aStuckReportDoesNotHoldUpTheOthersOfItsDataCenter() {
    List<FaxReport> seeded = Reports.many("A", 2_500, EPOCH);
    store.seed(DC1, seeded);
    FaxReports reports = facadeWhoseDeletes(Set.of("A-0"), DeletionResult::deleted);
    List<String> handedOut = new ArrayList<>();

    DrainSummary summary = reports.drain(page -> handedOut.addAll(Reports.ids(page.reports())));

    assertThat(handedOut).hasSize(2_500).doesNotHaveDuplicates();
    assertThat(store.stored(DC1)).containsExactly("A-0");
    assertThat(summary.failures()).containsOnlyKeys(DC1);
    assertThat(summary.failures().get(DC1)).hasMessageContaining("A-0");
    assertThat(summary.byDataCenter().get(DC1).deleted()).isEqualTo(2_500); // what the server claimed
  }

  @Test
  void aPageListingAReportTwiceHandsItOutAndCountsItOnce() {
    FaxReport twice = Reports.report("T", EPOCH);
    FaxReport other = Reports.report("U", EPOCH);
    store.seed(DC1, twice, other);
    FaxReportsTransport doubling = new ForwardingTransport(store) {
      @Override
      public CompletionStage<List<FaxReport>> listOldest(DataCenter dataCenter) {
        return store.listOldest(dataCenter).thenApply(page -> {
          List<FaxReport> withDuplicates = new ArrayList<>(page);
          withDuplicates.addAll(page);
          return withDuplicates;
        });
      }
    };
    FaxReports reports = FaxReports.builder().dataCenters(List.of(DC1)).transport(doubling)
        .scheduler(new ManualScheduler()).random(new Random(7)).build();
    List<List<String>> pages = new ArrayList<>();

    DrainSummary summary = reports.drain(page -> pages.add(Reports.ids(page.reports())));

    assertThat(pages).containsExactly(List.of("T", "U"));
    assertThat(summary.exported()).isEqualTo(2);
    assertThat(summary.deleted()).isEqualTo(2);
    assertThat(summary.isComplete()).isTrue();
  }

  @Test
  void notFoundIsCountedAsAlreadyGoneNotAsDeleted() {
    store.seed(DC1, Reports.many("A", 3, EPOCH));
    FaxReports reports = facadeWhoseDeletes(Set.of("A-1"), id -> {
      store.bulkDelete(DC1, List.of(id)); // another drain got there first
      return DeletionResult.notFound(id);
    });

    DrainSummary summary = reports.drain(page -> {});

    assertThat(summary.deleted()).isEqualTo(2);
    assertThat(summary.alreadyGone()).isEqualTo(1);
    assertThat(summary.acknowledged()).isEqualTo(3);
    assertThat(summary.isComplete()).isTrue();
  }

  @Test
  void aServerRotatingAcknowledgedReportsBackInLaterRoundsNeverGetsThemHandedOutAgain() {
    // Round 1 lists A; it is "deleted". A comes back only three rounds later, after B, C and D.
    List<FaxReport> a = Reports.many("A", 1, EPOCH);
    List<List<FaxReport>> listings = List.of(a, Reports.many("B", 1, EPOCH), Reports.many("C", 1, EPOCH),
        Reports.many("D", 1, EPOCH), a, a, a, a, a, a);
    int[] round = {0};
    FaxReportsTransport rotating = new ForwardingTransport(store) {
      @Override
      public CompletionStage<List<FaxReport>> listOldest(DataCenter dataCenter) {
        int i = round[0]++;
        return CompletableFuture.completedFuture(i < listings.size() ? listings.get(i) : List.of());
      }

      @Override
      public CompletionStage<List<DeletionResult>> bulkDelete(DataCenter dataCenter, List<String> jobIds) {
        return CompletableFuture.completedFuture(jobIds.stream().map(DeletionResult::deleted).toList());
      }
    };
    FaxReports reports = FaxReports.builder().dataCenters(List.of(DC1)).transport(rotating)
        .scheduler(new ManualScheduler()).random(new Random(7)).build();
    List<String> handedOut = new ArrayList<>();

    org.assertj.core.api.Assertions.assertThatThrownBy(
        () -> reports.drain(page -> handedOut.addAll(Reports.ids(page.reports()))))
        .hasMessageContaining("no progress").hasMessageContaining("A-0");

    assertThat(handedOut).containsExactly("A-0", "B-0", "C-0", "D-0");
    assertThat(round[0]).as("stopped at the listing of nothing but A").isEqualTo(5);
  }

  @Test
  void fingerprintsOfDistinctIdsDiffer() {
    java.util.Set<Long> seen = new java.util.HashSet<>();
    for (int i = 0; i < 200_000; i++) {
      assertThat(seen.add(RecentAcknowledgements.fingerprint(String.format("DE1%08d", i)))).isTrue();
    }
  }

  @Test
  void twoDifferentReportsUnderOneIdAreBothHandedOutForBothAreDeleted() {
    FaxReport first = Reports.report("T", EPOCH);
    FaxReport second = new FaxReport("T", List.of(), 7, null);
    store.seed(DC1, first);
    FaxReportsTransport twoVersions = new ForwardingTransport(store) {
      @Override
      public CompletionStage<List<FaxReport>> listOldest(DataCenter dataCenter) {
        return store.listOldest(dataCenter).thenApply(page -> page.isEmpty() ? page
            : List.of(page.get(0), second, page.get(0)));
      }
    };
    FaxReports reports = FaxReports.builder().dataCenters(List.of(DC1)).transport(twoVersions)
        .scheduler(new ManualScheduler()).random(new Random(7)).build();
    List<FaxReport> handedOut = new ArrayList<>();

    DrainSummary summary = reports.drain(page -> handedOut.addAll(page.reports()));

    assertThat(handedOut).containsExactly(first, second);
    assertThat(summary.exported()).isEqualTo(1);
    assertThat(summary.deleted()).isEqualTo(1);
  }
}
