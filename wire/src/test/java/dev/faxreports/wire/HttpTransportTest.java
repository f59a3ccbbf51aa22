package dev.faxreports.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faxreports.error.FaxReportsException;
import dev.faxreports.error.ServiceUnavailableException;
import dev.faxreports.error.TransportException;
import dev.faxreports.model.Credentials;
import dev.faxreports.model.DataCenter;
import dev.faxreports.model.DeletionResult;
import dev.faxreports.port.ResponseSizes;
import dev.faxreports.port.TransportSettings;
import dev.faxreports.port.UserAgent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The request/answer flow every HTTP transport shares, over a scripted sender. */
class HttpTransportTest {

  private static final DataCenter DC = DataCenter.DE1;
  private static final Credentials CREDENTIALS = new Credentials("user", "secret-pw");
  private static final TransportSettings SETTINGS = TransportSettings.of("12345", CREDENTIALS);
  private static final String NO_REPORTS = new String(WireFormat.writeReports(List.of()), StandardCharsets.UTF_8);

  /** Answers every request with what {@code answer} makes of it; records requests, log lines and releases. */
  private static final class Scripted extends HttpTransport {
    final List<ApiRequest> sent = new ArrayList<>();
    final List<String> lines;
    final Function<ApiRequest, CompletionStage<ApiAnswer>> answer;
    int releases;

    Scripted(Function<ApiRequest, CompletionStage<ApiAnswer>> answer) {
      this(answer, new ArrayList<>());
    }

    private Scripted(Function<ApiRequest, CompletionStage<ApiAnswer>> answer, List<String> lines) {
      super("scripted", SETTINGS, RequestLog.of(() -> true, lines::add));
      this.answer = answer;
      this.lines = lines;
    }

    @Override
    protected CompletionStage<ApiAnswer> send(ApiRequest request) {
      sent.add(request);
      return answer.apply(request);
    }

    @Override
    protected void release() {
      releases++;
    }
  }

  private static CompletionStage<ApiAnswer> answering(int status, String body, String retryAfter) {
    return CompletableFuture.completedFuture(
        new ApiAnswer(status, body.getBytes(StandardCharsets.UTF_8), retryAfter, null));
  }

  @Test
  void aBulkCallSendsOneJsonPostWithEveryHeaderTheApiNeeds() throws Exception {
    Scripted transport = new Scripted(request -> answering(200, NO_REPORTS, null));

    assertThat(transport.bulkDelete(DC, List.of("A", "B/C")).toCompletableFuture().get()).isEmpty();

    ApiRequest request = transport.sent.get(0);
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.target()).hasToString("https://faxws.de1.retarus.com/rest/v1/12345/fax/reports");
    assertThat(request.headers()).containsExactly(
        java.util.Map.entry("Authorization", CREDENTIALS.basicAuthorization()),
        java.util.Map.entry("Accept", "application/json"),
        java.util.Map.entry("Accept-Encoding", "gzip"),
        java.util.Map.entry("User-Agent", UserAgent.of("scripted")),
        java.util.Map.entry("Content-Type", "application/json"));
    assertThat(new String(request.body(), StandardCharsets.UTF_8))
        .isEqualTo("{\"action\":\"DELETE\",\"jobIds\":[\"A\",\"B/C\"]}");
    assertThat(request.toString()).doesNotContain(CREDENTIALS.basicAuthorization().substring("Basic ".length()));
  }

  @Test
  void aCallWithoutBodyHasNoContentTypeAndItsJobIdIsOneSegment() throws Exception {
    Scripted transport = new Scripted(request -> answering(200,
        new String(WireFormat.writeDeletion(DeletionResult.deleted("a/b")), StandardCharsets.UTF_8), null));

    DeletionResult result = transport.delete(DC, "a/b").toCompletableFuture().get();

    assertThat(result).isEqualTo(DeletionResult.deleted("a/b"));
    ApiRequest request = transport.sent.get(0);
    assertThat(request.method()).isEqualTo("DELETE");
    assertThat(request.target().getRawPath()).endsWith("/fax/reports/a%2Fb");
    assertThat(request.headers()).doesNotContainKey("Content-Type");
    assertThat(request.body()).isNull();
  }

  @Test
  void aSuccessfulAnswerIsDecodedLoggedAndItsSizeTold() throws Exception {
    Scripted transport = new Scripted(request -> answering(200, NO_REPORTS, null));
    List<String> sizes = new ArrayList<>();

    CompletionStage<?> listed = ResponseSizes.reportingTo((status, bytes) -> sizes.add(status + ":" + bytes),
        () -> transport.listOldest(DC));

    assertThat(listed.toCompletableFuture().get()).isEqualTo(List.of());
    assertThat(sizes).containsExactly("200:" + NO_REPORTS.length());
    assertThat(transport.lines).singleElement().asString()
        .matches("DE1 GET https://faxws\\.de1\\.retarus\\.com/rest/v1/12345/fax/reports -> 200 in \\d+ ms");
  }

  @Test
  void anErrorStatusBecomesTheCoreExceptionWithTheServersWordsAndRetryAfter() {
    Scripted transport = new Scripted(request ->
        answering(503, "{\"code\":503,\"message\":\"SERVICE_UNAVAILABLE\"}", "7"));

    Throwable failure = failureOf(transport.listOldest(DC));

    assertThat(failure).isInstanceOf(ServiceUnavailableException.class);
    assertThat(((ServiceUnavailableException) failure).retryAfter()).contains(Duration.ofSeconds(7));
    assertThat(((FaxReportsException) failure).serverMessage()).contains("SERVICE_UNAVAILABLE");
    assertThat(transport.lines).singleElement().asString().contains("-> 503 in ");
  }

  @Test
  void aMalformedBodyIsATransportErrorNamingTheStatus() {
    Scripted transport = new Scripted(request ->
        answering(200, NO_REPORTS.substring(0, NO_REPORTS.length() - 1), null));

    Throwable failure = failureOf(transport.listOldest(DC));

    assertThat(failure).isInstanceOf(TransportException.class).hasMessageContaining("DE1");
    assertThat(((FaxReportsException) failure).httpStatus()).isEqualTo(200);
  }

  @Test
  void noAnswerIsATransportErrorNamingTheDataCenterWhetherTheStageFailsOrSendThrows() {
    Scripted failing = new Scripted(request -> CompletableFuture.failedFuture(new IOException("reset")));
    Scripted throwing = new Scripted(request -> {
      throw new IllegalStateException("pool exhausted");
    });

    Throwable failed = failureOf(failing.fetch(DC, "J"));
    Throwable thrown = failureOf(throwing.fetch(DC, "J"));

    assertThat(failed).isInstanceOf(TransportException.class).hasMessageContaining("DE1").hasMessageContaining("reset");
    assertThat(thrown).isInstanceOf(TransportException.class).hasMessageContaining("pool exhausted");
    assertThat(failing.lines).singleElement().asString().contains("-> TransportException in ");
  }

  @Test
  void closeReleasesOnceAndLaterCallsFailWithoutBeingSent() {
    Scripted transport = new Scripted(request -> answering(200, NO_REPORTS, null));

    transport.close();
    transport.close();

    assertThat(transport.releases).isEqualTo(1);
    assertThat(failureOf(transport.listOldest(DC))).isInstanceOf(TransportException.class)
        .hasMessageContaining("closed");
    assertThat(transport.sent).isEmpty();
  }

  private static Throwable failureOf(CompletionStage<?> stage) {
    try {
      stage.toCompletableFuture().get();
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    throw new AssertionError("expected a failure, but the call succeeded");
  }
}
