package dev.faxreports;

import static dev.faxreports.support.Facades.DC1;
import static dev.faxreports.support.Facades.DC2;
import static dev.faxreports.support.Facades.facade;
import static dev.faxreports.support.Reports.EPOCH;
import static dev.faxreports.support.Reports.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faxreports.error.AuthenticationException;
import dev.faxreports.error.DataCenterFailureException;
import dev.faxreports.error.FaxReportsException;
import dev.faxreports.support.ScriptedTransport;
import dev.faxreports.support.ScriptedTransport.Op;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FanOutTest {

  private final ScriptedTransport transport = new ScriptedTransport();
  private final FaxReports reports = facade(transport);

  @Test
  void bothDataCentersAreInFlightAtOnce() throws Exception {
    CompletableFuture<Void> first = transport.holdNext(DC1, Op.LIST);
    CompletableFuture<Void> second = transport.holdNext(DC2, Op.LIST);

    CompletableFuture<ReportsResult> listing = reports.async().list().toCompletableFuture();

    // Neither call has been answered, yet both were sent: the calls overlap.
    assertThat(transport.calls(Op.LIST)).extracting(ScriptedTransport.Call::dataCenter)
        .containsExactly(DC1, DC2);
    assertThat(listing).isNotDone();
    second.complete(null);
    assertThat(listing).isNotDone();
    first.complete(null);
    assertThat(listing.get(5, TimeUnit.SECONDS).isComplete()).isTrue();
  }

  @Test
  void listIsTheUnionOldestFirst() {
    transport.seed(DC1, report("A1", EPOCH.plusSeconds(1)), report("A3", EPOCH.plusSeconds(3)));
    transport.seed(DC2, report("B2", EPOCH.plusSeconds(2)), report("B4", EPOCH.plusSeconds(4)));

    ReportsResult result = reports.list();

    assertThat(result.reports()).extracting(r -> r.jobId()).containsExactly("A1", "B2", "A3", "B4");
    assertThat(result.byDataCenter().get(DC2)).extracting(r -> r.jobId()).containsExactly("B2", "B4");
    assertThat(result.dataCenterOf("B4")).contains(DC2);
  }

  @Test
  void aFailedDataCenterIsReportedNotDropped() {
    transport.seed(DC1, report("A1", EPOCH));
    transport.failNext(DC2, Op.LIST, authFailure());

    ReportsResult result = reports.list();

    assertThat(result.reports()).extracting(r -> r.jobId()).containsExactly("A1");
    assertThat(result.isComplete()).isFalse();
    assertThat(result.failures()).containsOnlyKeys(DC2);
    assertThat(result.failures().get(DC2)).isInstanceOf(AuthenticationException.class);
    assertThatThrownBy(result::throwIfIncomplete).isInstanceOf(DataCenterFailureException.class)
        .hasMessageContaining("DE2");
  }

  @Test
  void strictModeThrowsWhenOneDataCenterFails() {
    FaxReports strict = dev.faxreports.support.Facades
        .over(transport, new dev.faxreports.support.ManualScheduler()).strict(true).build();
    transport.seed(DC1, report("A1", EPOCH));
    transport.failNext(DC2, Op.LIST, authFailure());

    assertThatThrownBy(strict::list).isInstanceOf(DataCenterFailureException.class)
        .satisfies(e -> assertThat(((DataCenterFailureException) e).failures()).containsOnlyKeys(DC2));
  }

  @Test
  void whenEveryDataCenterFailsTheErrorNamesEach() {
    transport.failNext(DC1, Op.LIST, new AuthenticationException("HTTP 401", DC1, 401, null, null));
    transport.failNext(DC2, Op.LIST, authFailure());

    assertThatThrownBy(reports::list)
        .isInstanceOfSatisfying(AuthenticationException.class, e -> {
          assertThat(e.failures()).containsOnlyKeys(DC1, DC2);
          assertThat(e.failures().values()).allMatch(AuthenticationException.class::isInstance);
          assertThat(e.getMessage()).contains("DE1").contains("DE2");
        });
  }

  @Test
  void getFindsTheJobInWhicheverDataCenterHasIt() {
    transport.seed(DC2, report("B1", EPOCH));

    assertThat(reports.get("B1")).hasValueSatisfying(r -> assertThat(r.jobId()).isEqualTo("B1"));
    assertThat(reports.get("nowhere")).isEmpty();
  }

  @Test
  void getDoesNotClaimAbsenceWhileADataCenterThatMightHaveItFailed() {
    transport.failNext(DC2, Op.FETCH, authFailure());

    assertThatThrownBy(() -> reports.get("B1")).isInstanceOf(DataCenterFailureException.class)
        .hasMessageContaining("B1");
  }

  @Test
  void getManyIsTheUnionInTheOrderAsked() {
    transport.seed(DC1, report("A", EPOCH));
    transport.seed(DC2, report("B", EPOCH));

    ReportsResult result = reports.getMany(java.util.List.of("B", "unknown", "A"));

    assertThat(result.reports()).extracting(r -> r.jobId()).containsExactly("B", "A");
  }

  @Test
  void deleteOneMergesOverDataCenters() {
    transport.seed(DC2, report("B", EPOCH));

    assertThat(reports.delete("B").deleted()).isTrue();
    assertThat(reports.delete("B").isNotFound()).isTrue();
    assertThat(transport.stored(DC2)).isEmpty();
  }

  @Test
  void deleteOldestDeletesInEveryDataCenter() {
    transport.seed(DC1, report("A", EPOCH));
    transport.seed(DC2, report("B", EPOCH), report("C", EPOCH));

    DeletionsResult result = reports.deleteOldest();

    assertThat(result.deletedCount()).isEqualTo(3);
    assertThat(result.byDataCenter().get(DC2)).hasSize(2);
  }

  @Test
  void closingTheFacadeDoesNotCloseATransportItWasGiven() {
    reports.close();
    assertThat(transport.isClosed()).isFalse();
  }

  private static FaxReportsException authFailure() {
    return new AuthenticationException("HTTP 401", DC2, 401, "401", "Authentication failed");
  }
}
