package dev.faxreports;

import static dev.faxreports.support.Facades.DC1;
import static dev.faxreports.support.Facades.DC2;
import static dev.faxreports.support.Facades.facade;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faxreports.support.Reports;
import dev.faxreports.support.ScriptedTransport;
import dev.faxreports.support.ScriptedTransport.Call;
import dev.faxreports.support.ScriptedTransport.Op;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BulkChunkingTest {

  private final ScriptedTransport transport = new ScriptedTransport();
  private final FaxReports reports = facade(transport);

  private static List<String> ids(int count) {
    return IntStream.range(0, count).mapToObj(i -> "JOB" + i).toList();
  }

  @Test
  void twentyFiveHundredIdsAreThreeRequestsPerDataCenterNoneOverOneThousand() {
    reports.getMany(ids(2500));

    for (var dataCenter : List.of(DC1, DC2)) {
      List<Call> calls = transport.calls(dataCenter, Op.BULK_GET);
      assertThat(calls).extracting(c -> c.jobIds().size()).containsExactly(1000, 1000, 500);
    }
  }

  @Test
  void bulkDeleteIsChunkedTheSameWay() {
    reports.deleteMany(ids(2500));

    assertThat(transport.calls(DC1, Op.BULK_DELETE)).extracting(c -> c.jobIds().size())
        .containsExactly(1000, 1000, 500);
    assertThat(transport.calls(DC2, Op.BULK_DELETE)).hasSize(3);
  }

  @Test
  void everyIdIsSentExactlyOnceAndInOrder() {
    reports.getMany(ids(2500));

    List<String> sent = new ArrayList<>();
    transport.calls(DC1, Op.BULK_GET).forEach(c -> sent.addAll(c.jobIds()));
    assertThat(sent).isEqualTo(ids(2500));
  }

  @Test
  void duplicatesAreSentOnce() {
    reports.deleteMany(List.of("A", "B", "A", "C", "B"));

    assertThat(transport.calls(DC1, Op.BULK_DELETE)).singleElement()
        .extracting(Call::jobIds).isEqualTo(List.of("A", "B", "C"));
  }

  @Test
  void duplicatesGetOneMergedResultEach() {
    transport.seed(DC1, Reports.report("A", Reports.EPOCH));
    DeletionsResult result = reports.deleteMany(List.of("A", "A"));

    assertThat(result.results()).singleElement().satisfies(r -> assertThat(r.deleted()).isTrue());
  }

  @Test
  void emptyInputSendsNothing() {
    ReportsResult got = reports.getMany(List.of());
    DeletionsResult deleted = reports.deleteMany(List.of());

    assertThat(got.reports()).isEmpty();
    assertThat(got.byDataCenter()).as("no data center was asked").isEmpty();
    assertThat(deleted.results()).isEmpty();
    assertThat(deleted.byDataCenter()).isEmpty();
    assertThat(transport.calls()).isEmpty();
  }

  @Test
  void exactlyOneThousandIsOneRequestAndOneThousandOneIsTwo() {
    reports.getMany(ids(1000));
    assertThat(transport.calls(DC1, Op.BULK_GET)).hasSize(1);

    reports.getMany(ids(1001));
    assertThat(transport.calls(DC1, Op.BULK_GET)).extracting(c -> c.jobIds().size())
        .containsExactly(1000, 1000, 1);
  }
}
