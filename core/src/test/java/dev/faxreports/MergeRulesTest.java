package dev.faxreports;

import static dev.faxreports.support.Facades.DC1;
import static dev.faxreports.support.Facades.DC2;
import static dev.faxreports.support.Facades.facade;
import static dev.faxreports.support.Reports.EPOCH;
import static dev.faxreports.support.Reports.report;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faxreports.error.ServiceUnavailableException;
import dev.faxreports.internal.Merge;
import dev.faxreports.model.DeletionReason;
import dev.faxreports.model.DeletionResult;
import dev.faxreports.model.FaxReport;
import dev.faxreports.model.FaxStatus;
import dev.faxreports.model.RecipientStatus;
import dev.faxreports.support.ScriptedTransport;
import dev.faxreports.support.ScriptedTransport.Op;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MergeRulesTest {

  private final ScriptedTransport transport = new ScriptedTransport();

  @Test
  void deletedInOneDataCenterAndNotFoundInTheOtherIsDeleted() {
    transport.seed(DC1, report("J", EPOCH));

    DeletionsResult result = facade(transport).deleteMany(List.of("J"));

    assertThat(result.byDataCenter().get(DC2)).containsExactly(DeletionResult.notFound("J"));
    assertThat(result.results()).containsExactly(DeletionResult.deleted("J"));
  }

  @Test
  void notFoundOnlyWhenEveryDataCenterSaysSo() {
    DeletionsResult result = facade(transport).deleteMany(List.of("J"));

    assertThat(result.results()).containsExactly(DeletionResult.notFound("J"));
  }

  @Test
  void aDataCenterThatFailedMakesTheOutcomeUnknownNotNotFound() {
    transport.failNext(DC2, Op.BULK_DELETE,
        new ServiceUnavailableException("HTTP 503", DC2, 503, null, null, null));
    FaxReports reports = dev.faxreports.support.Facades
        .over(transport, new dev.faxreports.support.ManualScheduler())
        .retryPolicy(RetryPolicy.noRetries()).build();

    DeletionsResult result = reports.deleteMany(List.of("J"));

    assertThat(result.results())
        .containsExactly(DeletionResult.failed("J", DeletionReason.DATA_CENTER_FAILED));
    assertThat(result.failures()).containsOnlyKeys(DC2);
  }

  @Test
  void aServerReasonBeatsNotFound() {
    List<DeletionResult> merged = Merge.deletions(List.of("J"), Map.of(
        DC1, List.of(DeletionResult.notFound("J")),
        DC2, List.of(DeletionResult.failed("J", DeletionReason.INTERNAL_ERROR))), Map.of());

    assertThat(merged).containsExactly(DeletionResult.failed("J", DeletionReason.INTERNAL_ERROR));
  }

  @Test
  void unknownReasonCodesAreKept() {
    List<DeletionResult> merged = Merge.deletions(List.of("J"), Map.of(
        DC1, List.of(DeletionResult.failed("J", DeletionReason.of("LOCKED")))), Map.of());

    assertThat(merged.get(0).reason().code()).isEqualTo("LOCKED");
  }

  @Test
  void oldestFirstKeepsEachDataCentersOrderAndPlacesUndatedReportsWhereTheyStand() {
    FaxReport undated = new FaxReport("U", List.of(RecipientStatus.of("+1", FaxStatus.BUSY, null)), 1, null);
    List<FaxReport> merged = Merge.oldestFirst(List.of(
        List.of(report("A5", EPOCH.plusSeconds(5)), undated, report("A9", EPOCH.plusSeconds(9))),
        List.of(report("B1", EPOCH.plusSeconds(1)), report("B7", EPOCH.plusSeconds(7)))));

    assertThat(merged).extracting(FaxReport::jobId).containsExactly("B1", "A5", "U", "B7", "A9");
  }
}
