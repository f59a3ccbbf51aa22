package dev.faxreports.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faxreports.error.AuthenticationException;
import dev.faxreports.error.FaxReportsException;
import dev.faxreports.error.NotFoundException;
import dev.faxreports.error.ServiceUnavailableException;
import dev.faxreports.error.TransportException;
import dev.faxreports.model.DataCenter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiPathsAndAnswersTest {

  private static final DataCenter DC = DataCenter.DE1;

  @Test
  void pathsOfTheV1Api() {
    assertThat(ApiPaths.reports("12345")).isEqualTo("/12345/fax/reports");
    assertThat(ApiPaths.report("12345", "FJJ5Y09UM505ZZBIELCRYC"))
        .isEqualTo("/12345/fax/reports/FJJ5Y09UM505ZZBIELCRYC");
    assertThat(ApiPaths.at(DC, ApiPaths.reports("1")).toString())
        .isEqualTo("https://faxws.de1.retarus.com/rest/v1/1/fax/reports");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "a/b     | a%2Fb",
      "../x    | ..%2Fx",
      "..      | %2E%2E",
      "%2F     | %252F",
      "a b?c#d | a%20b%3Fc%23d",
      "jürgen  | j%C3%BCrgen"})
  void variablePartsAreEncodedAsOneSegment(String raw, String encoded) {
    assertThat(ApiPaths.segment(raw)).isEqualTo(encoded);
    assertThat(ApiPaths.report("1", raw)).endsWith("/fax/reports/" + encoded);
  }

  @Test
  void statusesMapToTheExceptionFamilyWithTheServersWords() {
    byte[] body = "{\"code\":401,\"message\":\"Authentication failed\"}".getBytes(StandardCharsets.UTF_8);

    FaxReportsException failure = HttpAnswers.failure(DC, 401, body, null, null);

    assertThat(failure).isInstanceOf(AuthenticationException.class);
    assertThat(failure.dataCenter()).contains(DC);
    assertThat(failure.httpStatus()).isEqualTo(401);
    assertThat(failure.serverCode()).contains("401");
    assertThat(failure.serverMessage()).contains("Authentication failed");
    assertThat(failure.getMessage()).contains("DE1").contains("Authentication failed");
    assertThat(HttpAnswers.failure(DC, 404, null, null, null)).isInstanceOf(NotFoundException.class);
    assertThat(HttpAnswers.failure(DC, 520, null, null, null)).isInstanceOf(ServiceUnavailableException.class);
    assertThat(HttpAnswers.failure(DC, 500, null, null, null).getClass()).isEqualTo(FaxReportsException.class);
  }

  @Test
  void anHtmlGatewayPageIsAnUnavailableServiceWithoutServerWords() {
    byte[] html = "<html><h1>502 Bad Gateway</h1></html>".getBytes(StandardCharsets.UTF_8);

    FaxReportsException failure = HttpAnswers.failure(DC, 502, html, null, null);

    assertThat(failure).isInstanceOf(ServiceUnavailableException.class);
    assertThat(failure.serverMessage()).isEmpty();
  }

  @Test
  void retryAfterInSecondsOrAsADate() {
    Clock clock = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);
    FaxReportsException failure = HttpAnswers.failure(DC, 503, null, "7", null);

    assertThat(((ServiceUnavailableException) failure).retryAfter()).contains(Duration.ofSeconds(7));
    assertThat(HttpAnswers.parseRetryAfter("Mon, 23 Nov 2026 10:00:30 GMT", clock)).isEqualTo(Duration.ofSeconds(30));
    assertThat(HttpAnswers.parseRetryAfter("Mon, 23 Nov 2026 09:00:00 GMT", clock)).isEqualTo(Duration.ZERO);
    assertThat(HttpAnswers.parseRetryAfter("soon", clock)).isNull();
    assertThat(HttpAnswers.parseRetryAfter(null, clock)).isNull();
  }

  @Test
  void redirectsAreReportedNotFollowed() {
    FaxReportsException failure = HttpAnswers.failure(DC, 302, null, null, "https://elsewhere.example/");

    assertThat(failure.getMessage()).contains("not followed").contains("elsewhere.example");
    assertThat(failure.httpStatus()).isEqualTo(302);
  }

  @Test
  void aMalformedSuccessBodyIsATransportErrorNamingDataCenterAndStatus() {
    byte[] truncated = "{\"reports\":[{\"jobId\":\"A\"".getBytes(StandardCharsets.UTF_8);

    try {
      HttpAnswers.decode(DC, 200, truncated, WireFormat::readReports);
    } catch (TransportException e) {
      assertThat(e.getMessage()).contains("DE1").contains("malformed").contains("200");
      assertThat(e.requestMaySeeServer()).isTrue();
      return;
    }
    throw new AssertionError("expected a TransportException");
  }

  @Test
  void failuresWithoutAnAnswerMapByCauseAndKeepOnlyJdkTypes() {
    Duration timeout = Duration.ofSeconds(2);
    FaxReportsException known = HttpAnswers.failure(DC, 503, null, null, null);
    class LibraryException extends RuntimeException {
      LibraryException(String message, Throwable cause) {
        super(message, cause);
      }
    }

    assertThat(HttpAnswers.noAnswer(DC, new LibraryException("wrapped", known), timeout)).isSameAs(known);
    assertThat(HttpAnswers.noAnswer(DC, new LibraryException("x", new java.net.ConnectException("refused")), timeout))
        .isInstanceOfSatisfying(TransportException.class, e -> assertThat(e.requestMaySeeServer()).isFalse())
        .hasCauseInstanceOf(java.net.ConnectException.class);
    assertThat(HttpAnswers.noAnswer(DC, new java.net.http.HttpConnectTimeoutException("slow"), timeout))
        .isInstanceOfSatisfying(TransportException.class, e -> assertThat(e.requestMaySeeServer()).isFalse());
    assertThat(HttpAnswers.noAnswer(DC, new java.util.concurrent.TimeoutException(), timeout))
        .isInstanceOf(dev.faxreports.error.RequestTimeoutException.class).hasMessageContaining("PT2S");
    FaxReportsException lost = HttpAnswers.noAnswer(DC, new LibraryException("Connection reset", null), timeout);
    assertThat(lost).isInstanceOfSatisfying(TransportException.class, e -> assertThat(e.requestMaySeeServer()).isTrue());
    assertThat(lost.getCause()).isExactlyInstanceOf(java.io.IOException.class).hasMessage("LibraryException: Connection reset");
    assertThat(lost.getMessage()).contains("DE1");
  }
}
