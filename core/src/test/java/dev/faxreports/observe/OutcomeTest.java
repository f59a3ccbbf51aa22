package dev.faxreports.observe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faxreports.error.AuthenticationException;
import dev.faxreports.error.DeadlineExceededException;
import dev.faxreports.error.FaxReportsException;
import dev.faxreports.error.NotFoundException;
import dev.faxreports.error.ProxyAuthenticationException;
import dev.faxreports.error.RequestTimeoutException;
import dev.faxreports.error.ResponseTooLargeException;
import dev.faxreports.error.ServiceUnavailableException;
import dev.faxreports.error.TlsFailureException;
import dev.faxreports.error.TransportException;
import dev.faxreports.model.DataCenter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The one mapping from the exception family to outcome kinds that every adapter shares. */
class OutcomeTest {

  private static final DataCenter DC = DataCenter.DE1;

  @Test
  void eachFailureHasItsKind() {
    assertThat(Outcome.of(null)).isEqualTo(Outcome.SUCCESS);
    assertThat(Outcome.of(new AuthenticationException("HTTP 401", DC, 401, null, null))).isEqualTo(Outcome.AUTH);
    assertThat(Outcome.of(new ProxyAuthenticationException(DC, "http://proxy:3128", true))).isEqualTo(Outcome.AUTH);
    assertThat(Outcome.of(new TlsFailureException(DC, "h", TlsFailureException.Problem.UNTRUSTED_CERTIFICATE, null, null)))
        .isEqualTo(Outcome.TLS);
    assertThat(Outcome.of(new RequestTimeoutException(DC, Duration.ofSeconds(1)))).isEqualTo(Outcome.TIMEOUT);
    assertThat(Outcome.of(new DeadlineExceededException(DC, Duration.ofSeconds(1), null))).isEqualTo(Outcome.TIMEOUT);
    assertThat(Outcome.of(TransportException.connectFailed(DC, null))).isEqualTo(Outcome.CONNECTION);
    assertThat(Outcome.of(TransportException.malformedBody(DC, 200, "x", null))).isEqualTo(Outcome.CONNECTION);
    assertThat(Outcome.of(new ServiceUnavailableException("HTTP 503", DC, 503, null, null, null)))
        .isEqualTo(Outcome.SERVER_ERROR);
    assertThat(Outcome.of(new FaxReportsException("HTTP 500", DC, 500, null, null, null))).isEqualTo(Outcome.SERVER_ERROR);
    assertThat(Outcome.of(new ResponseTooLargeException(DC, 200, 10))).isEqualTo(Outcome.SERVER_ERROR);
    assertThat(Outcome.of(new NotFoundException("HTTP 404", DC, null, null))).isEqualTo(Outcome.CLIENT_ERROR);
    assertThat(Outcome.of(new FaxReportsException("HTTP 400", DC, 400, null, null, null))).isEqualTo(Outcome.CLIENT_ERROR);
    assertThat(Outcome.of(new IllegalStateException("a transport's bug"))).isEqualTo(Outcome.CONNECTION);
  }

  @Test
  void tagValuesAreTheDocumentedOnes() {
    assertThat(java.util.Arrays.stream(Outcome.values()).map(Outcome::tagValue))
        .containsExactly("success", "client.error", "server.error", "timeout", "connection", "tls", "auth");
    assertThat(java.util.Arrays.stream(Operation.values()).map(Operation::tagValue))
        .containsExactly("list", "get", "bulk.get", "bulk.delete", "delete", "delete.oldest");
  }
}
