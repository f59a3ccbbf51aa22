package dev.faxreports;

import static dev.faxreports.support.Facades.DC1;
import static dev.faxreports.support.Facades.DC2;
import static dev.faxreports.support.Facades.facade;
import static dev.faxreports.support.Reports.EPOCH;
import static dev.faxreports.support.Reports.report;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faxreports.model.DeletionResult;
import dev.faxreports.model.FaxReport;
import dev.faxreports.support.Reports;
import dev.faxreports.support.ScriptedTransport;
import dev.faxreports.support.ScriptedTransport.Op;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A data center that answers a whole bulk request with 404 when any ID is unknown there. */
class NarrowingTest {

  private final ScriptedTransport transport = new ScriptedTransport().rejectUnknownIdsWith404(DC2);

  @Test
  void bulkGetStillYieldsEveryReportTheRejectingDataCenterHas() {
    transport.seed(DC2, report("B1", EPOCH), report("B2", EPOCH), report("B3", EPOCH));

    ReportsResult result = facade(transport).getMany(List.of("x1", "B1", "x2", "B2", "x3", "x4", "B3"));

    assertThat(result.reports()).extracting(FaxReport::jobId).containsExactly("B1", "B2", "B3");
    assertThat(result.isComplete()).isTrue();
  }

  @Test
  void idsFoundInTheOtherDataCenterAreNotAskedAgainWhileNarrowing() {
    List<FaxReport> inFirst = Reports.many("A", 500, EPOCH);
    transport.seed(DC1, inFirst);
    transport.seed(DC2, report("B1", EPOCH));
    List<String> asked = new java.util.ArrayList<>(Reports.ids(inFirst));
    asked.add("B1");

    ReportsResult result = facade(transport).getMany(asked);

    assertThat(result.reports()).hasSize(501);
    // Every call after DC2's first rejected request names only B1: the 500 found in DC1 are settled.
    List<ScriptedTransport.Call> narrowed = transport.calls(DC2, Op.BULK_GET);
    assertThat(narrowed.subList(1, narrowed.size()))
        .allSatisfy(c -> assertThat(c.jobIds()).containsExactly("B1"));
  }

  @Test
  void bulkDeleteNarrowsTooAndReportsUnknownIdsAsNotFound() {
    transport.seed(DC2, report("B1", EPOCH));

    DeletionsResult result = facade(transport).deleteMany(List.of("x1", "B1", "x2"));

    assertThat(result.results()).containsExactly(
        DeletionResult.notFound("x1"), DeletionResult.deleted("B1"), DeletionResult.notFound("x2"));
    assertThat(transport.stored(DC2)).isEmpty();
  }
}
