package dev.faxreports;

import static dev.faxreports.support.Facades.DC1;
import static dev.faxreports.support.Facades.DC2;
import static dev.faxreports.support.Facades.facade;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faxreports.error.AuthenticationException;
import dev.faxreports.error.DataCenterFailureException;
import dev.faxreports.error.FaxReportsException;
import dev.faxreports.error.InvalidArgumentException;
import dev.faxreports.error.NotFoundException;
import dev.faxreports.support.ScriptedTransport;
import dev.faxreports.support.ScriptedTransport.Op;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The documented rule (docs/errors.md): when every data center failed for the same reason a caller
 * can act on, the call throws that type with each data center's failure attached; mixed or
 * transport reasons stay a {@link DataCenterFailureException}. Messages name the operation run.
 */
class EveryDataCenterFailedTest {

  private final ScriptedTransport transport = new ScriptedTransport();
  private final FaxReports reports = facade(transport);

  private static AuthenticationException wrongPassword(dev.faxreports.model.DataCenter dc) {
    return new AuthenticationException("HTTP 401", dc, 401, null, null);
  }

  @Test
  void aWrongPasswordIsAnAuthenticationExceptionWithEachDataCentersAnswer() {
    transport.failNext(DC1, Op.BULK_GET, wrongPassword(DC1));
    transport.failNext(DC2, Op.BULK_GET, wrongPassword(DC2));

    assertThatThrownBy(() -> reports.getMany(List.of("NOPE", "ALSO")))
        .isExactlyInstanceOf(AuthenticationException.class)
        .hasMessageStartingWith("bulk get of 2 jobs: authentication failed in every data center")
        .hasMessageContaining("DE1").hasMessageContaining("DE2")
        .satisfies(e -> {
          FaxReportsException failure = (FaxReportsException) e;
          assertThat(failure.failures()).containsOnlyKeys(DC1, DC2);
          assertThat(failure.httpStatus()).isEqualTo(401);
          assertThat(failure.getCause()).isSameAs(failure.failures().get(DC1));
          assertThat(failure.getSuppressed()).containsExactly(failure.failures().get(DC2));
        });
  }

  @Test
  void getNamesTheJobItWasAskedFor() {
    transport.failNext(DC1, Op.FETCH, wrongPassword(DC1));
    transport.failNext(DC2, Op.FETCH, wrongPassword(DC2));
    transport.failNext(DC1, Op.BULK_GET, wrongPassword(DC1));
    transport.failNext(DC2, Op.BULK_GET, wrongPassword(DC2));

    assertThatThrownBy(() -> reports.get("NOPE")).isInstanceOf(AuthenticationException.class)
        .hasMessageStartingWith("get NOPE: ").hasMessageNotContaining("bulk");
    // One ID asked in bulk (the command-line tool's get) is a get of that job too.
    assertThatThrownBy(() -> reports.getMany(List.of("NOPE"))).isInstanceOf(AuthenticationException.class)
        .hasMessageStartingWith("get NOPE: ").hasMessageNotContaining("bulk");
  }

  @Test
  void notFoundEverywhereIsANotFoundException() {
    transport.failNext(DC1, Op.LIST, new NotFoundException("HTTP 404", DC1, null, null));
    transport.failNext(DC2, Op.LIST, new NotFoundException("HTTP 404", DC2, null, null));

    assertThatThrownBy(reports::list).isExactlyInstanceOf(NotFoundException.class)
        .hasMessageStartingWith("list: not found in any data center");
  }

  @Test
  void invalidEverywhereIsAnInvalidArgumentException() {
    transport.failNext(DC1, Op.BULK_DELETE, new InvalidArgumentException("bad"));
    transport.failNext(DC2, Op.BULK_DELETE, new InvalidArgumentException("bad"));

    assertThatThrownBy(() -> reports.deleteMany(List.of("A", "B")))
        .isExactlyInstanceOf(InvalidArgumentException.class)
        .hasMessageStartingWith("bulk delete of 2 jobs: ");
  }

  @Test
  void mixedReasonsStayADataCenterFailure() {
    transport.failNext(DC1, Op.LIST, wrongPassword(DC1));
    transport.failNext(DC2, Op.LIST, new NotFoundException("HTTP 404", DC2, null, null));

    assertThatThrownBy(reports::list).isExactlyInstanceOf(DataCenterFailureException.class)
        .hasMessageStartingWith("list failed in every data center");
  }

  @Test
  void serverErrorsStayADataCenterFailure() {
    // (Connection failures are retried; a 500 is not, so virtual time needs no advancing here.)
    transport.failNext(DC1, Op.LIST, new FaxReportsException("HTTP 500", DC1, 500, null, null, null));
    transport.failNext(DC2, Op.LIST, new FaxReportsException("HTTP 500", DC2, 500, null, null, null));

    assertThatThrownBy(reports::list).isExactlyInstanceOf(DataCenterFailureException.class)
        .satisfies(e -> assertThat(((DataCenterFailureException) e).httpStatus()).isEqualTo(500));
  }

  @Test
  void oneDataCenterFailingAloneIsStillAPartialResult() {
    transport.failNext(DC1, Op.LIST, wrongPassword(DC1));

    assertThat(reports.list().failures()).containsOnlyKeys(DC1);
  }
}
