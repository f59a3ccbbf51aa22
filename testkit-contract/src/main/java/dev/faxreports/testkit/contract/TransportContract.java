package dev.faxreports.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faxreports.error.AuthenticationException;
import dev.faxreports.error.FaxReportsException;
import dev.faxreports.error.NotFoundException;
import dev.faxreports.error.ResponseTooLargeException;
import dev.faxreports.error.ServiceUnavailableException;
import dev.faxreports.error.TransportException;
import dev.faxreports.model.DeletionResult;
import dev.faxreports.model.FaxReport;
import dev.faxreports.testkit.Fault;
import dev.faxreports.testkit.Operation;
import dev.faxreports.testkit.SampleReports;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The SPI contract: every operation, answer shape and failure mapping, one data center per call.
 * Extend it with {@link #subject} returning your transport over the given fake.
 */
public abstract class TransportContract extends ContractSupport {

  /** A send time for reports; its date matters to nothing, the fake ages reports by when it got them. */
  private static final Instant T0 = Instant.parse("2026-11-01T08:00:00Z");

  private List<FaxReport> seedSamples(int count) {
    return service.seedSamples(first, count);
  }

  // ---- operations -------------------------------------------------------------------------------

  @Test
  void listReturnsTheOldestReportsFirst() {
    FaxReport newer = SampleReports.delivered("NEWER", T0);
    FaxReport older = SampleReports.delivered("OLDER", T0);
    Instant received = service.now().minus(Duration.ofHours(1)); // by the fake's clock, never expired
    service.seed(first, newer, received.plusSeconds(60));
    service.seed(first, older, received.plusSeconds(1));

    assertThat(await(subject.transport().listOldest(first))).extracting(FaxReport::jobId)
        .containsExactly("OLDER", "NEWER");
  }

  @Test
  void listStopsAtTheOldestThousand() {
    List<FaxReport> seeded = seedSamples(1_500);

    List<FaxReport> listed = await(subject.transport().listOldest(first));

    assertThat(listed).hasSize(1_000).isEqualTo(seeded.subList(0, 1_000));
  }

  @Test
  void listOfAnEmptyDataCenterIsEmpty() {
    assertThat(await(subject.transport().listOldest(first))).isEmpty();
  }

  @Test
  void eachDataCenterHasItsOwnReports() {
    service.seed(first, SampleReports.delivered("IN-FIRST", T0));
    service.seed(second, SampleReports.delivered("IN-SECOND", T0));

    assertThat(await(subject.transport().listOldest(second))).extracting(FaxReport::jobId)
        .containsExactly("IN-SECOND");
  }

  @Test
  void reportsArriveExactlyAsStored() {
    List<FaxReport> seeded = seedSamples(300); // statuses, recipients, properties, references vary

    assertThat(await(subject.transport().listOldest(first))).isEqualTo(seeded);
    assertThat(await(subject.transport().fetch(first, seeded.get(7).jobId()))).isEqualTo(seeded.get(7));
  }

  @Test
  void deleteOldestDeletesUpToTheOldestThousand() {
    List<FaxReport> seeded = seedSamples(1_200);

    List<DeletionResult> deleted = await(subject.transport().deleteOldest(first));

    assertThat(deleted).hasSize(1_000).allMatch(DeletionResult::deleted);
    assertThat(deleted).extracting(DeletionResult::jobId)
        .isEqualTo(seeded.subList(0, 1_000).stream().map(FaxReport::jobId).toList());
    assertThat(service.reports(first)).isEqualTo(seeded.subList(1_000, 1_200));
  }

  @Test
  void fetchFindsOneReportOrFailsWithNotFound() {
    service.seed(first, SampleReports.delivered("KNOWN", T0));

    assertThat(await(subject.transport().fetch(first, "KNOWN")).jobId()).isEqualTo("KNOWN");
    Throwable failure = failureOf(subject.transport().fetch(first, "UNKNOWN"));
    assertThat(failure).isInstanceOf(NotFoundException.class);
    assertThat(((FaxReportsException) failure).httpStatus()).isEqualTo(404);
    assertNames(failure, first);
  }

  @Test
  void deleteRemovesOneReportOrFailsWithNotFound() {
    service.seed(first, SampleReports.delivered("KNOWN", T0));

    assertThat(await(subject.transport().delete(first, "KNOWN"))).isEqualTo(DeletionResult.deleted("KNOWN"));
    assertThat(service.reports(first)).isEmpty();
    assertThat(failureOf(subject.transport().delete(first, "KNOWN"))).isInstanceOf(NotFoundException.class);
  }

  @Test
  void bulkGetReturnsKnownReportsAndOmitsUnknownIds() {
    service.seed(first, SampleReports.delivered("A", T0), SampleReports.delivered("B", T0));

    assertThat(await(subject.transport().bulkGet(first, List.of("A", "nope", "B"))))
        .extracting(FaxReport::jobId).containsExactly("A", "B");
  }

  @Test
  void bulkDeleteAnswersForEveryId() {
    service.seed(first, SampleReports.delivered("A", T0));

    assertThat(await(subject.transport().bulkDelete(first, List.of("A", "nope"))))
        .containsExactly(DeletionResult.deleted("A"), DeletionResult.notFound("nope"));
    assertThat(service.reports(first)).isEmpty();
  }

  @Test
  void aThousandIdsFitOneBulkRequest() {
    List<FaxReport> seeded = seedSamples(1_000);
    List<String> ids = seeded.stream().map(FaxReport::jobId).toList();

    assertThat(await(subject.transport().bulkGet(first, ids))).hasSize(1_000);
    assertThat(await(subject.transport().bulkDelete(first, ids))).hasSize(1_000).allMatch(DeletionResult::deleted);
  }

  @Test
  void aBulkRequestOverTheLimitIsABadRequest() {
    List<String> ids = IntStream.range(0, 1_001).mapToObj(i -> "J" + i).toList();

    Throwable failure = failureOf(subject.transport().bulkGet(first, ids));

    assertThat(((FaxReportsException) failure).httpStatus()).isEqualTo(400);
    assertNames(failure, first);
  }

  @Test
  void aDataCenterThatRejectsUnknownIdsFailsTheWholeBulkRequestWithNotFound() {
    service.seed(first, SampleReports.delivered("A", T0));
    service.faults().rejectUnknownIdsWith404(first);

    assertThat(failureOf(subject.transport().bulkGet(first, List.of("A", "nope"))))
        .isInstanceOf(NotFoundException.class);
    assertThat(failureOf(subject.transport().bulkDelete(first, List.of("A", "nope"))))
        .isInstanceOf(NotFoundException.class);
    assertThat(await(subject.transport().bulkGet(first, List.of("A")))).hasSize(1);
  }

  @Test
  void jobIdsTravelAsOneSegmentWhateverTheyContain() {
    String odd = "odd id/../with?query#and%2Fpercent+plus-ü";
    service.seed(first, SampleReports.delivered(odd, T0));

    assertThat(await(subject.transport().fetch(first, odd)).jobId()).isEqualTo(odd);
    assertThat(await(subject.transport().delete(first, odd)).deleted()).isTrue();
  }

  // ---- failures ---------------------------------------------------------------------------------

  @Test
  void unavailableIsAServiceUnavailableErrorWithTheServersWords() {
    service.faults().failNext(first, Operation.LIST, 1, Fault.unavailable());

    Throwable failure = failureOf(subject.transport().listOldest(first));

    assertThat(failure).isInstanceOf(ServiceUnavailableException.class);
    FaxReportsException error = (FaxReportsException) failure;
    assertThat(error.httpStatus()).isEqualTo(503);
    assertThat(error.serverCode()).contains("503");
    assertThat(error.serverMessage()).hasValueSatisfying(m -> assertThat(m).contains("SERVICE_UNAVAILABLE"));
    assertNames(failure, first);
  }

  @Test
  void retryAfterIsPassedOn() {
    service.faults().failNext(first, Operation.BULK_GET, 1, Fault.unavailable(Duration.ofSeconds(3)));

    Throwable failure = failureOf(subject.transport().bulkGet(first, List.of("A")));

    assertThat(((ServiceUnavailableException) failure).retryAfter()).contains(Duration.ofSeconds(3));
  }

  @Test
  void unknownError520IsAServiceUnavailableError() {
    service.faults().failNext(first, Operation.FETCH, 1, Fault.unknownError());

    Throwable failure = failureOf(subject.transport().fetch(first, "A"));

    assertThat(failure).isInstanceOf(ServiceUnavailableException.class);
    assertThat(((FaxReportsException) failure).httpStatus()).isEqualTo(520);
  }

  @Test
  void unauthorizedIsAnAuthenticationError() {
    service.faults().failNext(first, Operation.LIST, 1, Fault.unauthorized());

    Throwable failure = failureOf(subject.transport().listOldest(first));

    assertThat(failure).isInstanceOf(AuthenticationException.class);
    assertThat(((FaxReportsException) failure).httpStatus()).isEqualTo(401);
    assertNames(failure, first);
  }

  @Test
  void internalServerErrorIsAPlainServiceError() {
    service.faults().failNext(first, Operation.DELETE_OLDEST, 1, Fault.status(500));

    Throwable failure = failureOf(subject.transport().deleteOldest(first));

    assertThat(failure.getClass()).isEqualTo(FaxReportsException.class);
    assertThat(((FaxReportsException) failure).httpStatus()).isEqualTo(500);
  }

  @Test
  void anHtmlGatewayPageIsAServiceUnavailableErrorWithoutServerWords() {
    service.faults().failNext(first, Operation.LIST, 1, Fault.htmlErrorPage(502));

    Throwable failure = failureOf(subject.transport().listOldest(first));

    assertThat(failure).isInstanceOf(ServiceUnavailableException.class);
    assertThat(((FaxReportsException) failure).httpStatus()).isEqualTo(502);
    assertThat(((FaxReportsException) failure).serverMessage()).isEmpty();
    assertNames(failure, first);
  }

  /**
   * Delete-oldest is the request that must never be repeated behind the facade's back: a lost
   * answer could mean another thousand reports deleted unseen. (An HTTP client may transparently
   * repeat a GET on a dropped connection; that is harmless and not tested here.)
   */
  @Test
  void aConnectionClosedBeforeTheResponseIsATransportErrorAndNotRepeated() {
    seedSamples(3);
    service.faults().failNext(first, Operation.DELETE_OLDEST, 1, Fault.connectionClosedBeforeResponse());

    Throwable failure = failureOf(subject.transport().deleteOldest(first));

    assertThat(failure).isInstanceOf(TransportException.class);
    assertThat(((TransportException) failure).requestMaySeeServer()).isTrue();
    assertNames(failure, first);
    assertThat(service.calls(first, Operation.DELETE_OLDEST)).hasSize(1);
    assertThat(service.reports(first)).hasSize(3);
  }

  @Test
  void aConnectionClosedMidBodyIsATransportError() {
    seedSamples(50);
    service.faults().failNext(first, Operation.LIST, 1, Fault.connectionClosedMidBody());

    Throwable failure = failureOf(subject.transport().listOldest(first));

    assertThat(failure).isInstanceOf(TransportException.class);
    assertNames(failure, first);
  }

  @Test
  void truncatedJsonIsATransportErrorNamingTheStatus() {
    seedSamples(50);
    service.faults().failNext(first, Operation.LIST, 1, Fault.truncatedJson());

    Throwable failure = failureOf(subject.transport().listOldest(first));

    assertThat(failure).isInstanceOf(TransportException.class);
    assertThat(((FaxReportsException) failure).httpStatus()).isEqualTo(200);
    assertNames(failure, first);
  }

  @Test
  void aTruncatedRefusalIsStillARefusal() {
    service.faults().failNext(first, Operation.FETCH, 1, Fault.truncatedJson());

    assertThat(failureOf(subject.transport().fetch(first, "UNKNOWN"))).isInstanceOf(NotFoundException.class);
  }

  @Test
  void aRedirectIsReportedAsNotFollowed() {
    service.faults().failNext(first, Operation.LIST, 1, Fault.status(302));

    Throwable failure = failureOf(subject.transport().listOldest(first));

    assertThat(((FaxReportsException) failure).httpStatus()).isEqualTo(302);
    assertThat(failure).hasMessageContaining("not followed");
  }

  @Test
  void aDeleteWhoseAnswerIsLostStillHappened() {
    seedSamples(10);
    List<String> ids = service.reports(first).stream().map(FaxReport::jobId).toList();
    service.faults().failNext(first, Operation.BULK_DELETE, 1, Fault.truncatedJson());

    assertThat(failureOf(subject.transport().bulkDelete(first, ids))).isInstanceOf(TransportException.class);

    assertThat(service.reports(first)).isEmpty();
  }

  @Test
  void aDataCenterThatIsDownRefusesConnectionsBeforeAnythingIsSent() {
    service.faults().down(first);

    Throwable failure = failureOf(subject.transport().deleteOldest(first));

    assertThat(failure).isInstanceOf(TransportException.class);
    assertThat(((TransportException) failure).requestMaySeeServer()).isFalse();
    assertNames(failure, first);
    assertThat(service.calls()).as("a refused call never arrives").isEmpty();

    service.faults().up(first);
    assertThat(await(subject.transport().listOldest(first))).isEmpty();
  }

  @Test
  void latencyDelaysButDoesNotBreakAnAnswer() {
    service.seed(first, SampleReports.delivered("A", T0));
    service.faults().latency(first, Duration.ofMillis(300));

    assertThat(await(subject.transport().listOldest(first))).hasSize(1);
  }

  // ---- hostile answers: bounded, never held whole ---------------------------------------------

  @Test
  void aGzipEncodedAnswerIsDecoded() {
    List<FaxReport> seeded = seedSamples(1_000); // a full page, about 350 KB before compression
    service.faults().failNext(first, Operation.LIST, 1, Fault.gzipEncoded());
    service.faults().failNext(first, Operation.BULK_GET, 1, Fault.gzipEncoded());

    assertThat(await(subject.transport().listOldest(first))).isEqualTo(seeded);
    assertThat(await(subject.transport().bulkGet(first, List.of(seeded.get(3).jobId()))))
        .containsExactly(seeded.get(3));
    assertThat(await(subject.transport().listOldest(first))).as("and identity answers still").isEqualTo(seeded);
  }

  @Test
  void anAnswerLargerThanTheLimitIsResponseTooLarge() {
    long limit = ContractSubject.SETTINGS.maxResponseBytes();
    service.faults().failNext(first, Operation.LIST, 1, Fault.oversizedBody(limit + limit / 2));

    assertTooLarge(failureOf(subject.transport().listOldest(first)), 200);
    assertThat(await(subject.transport().listOldest(first))).as("the transport is still usable").isEmpty();
  }

  @Test
  void anErrorAnswerLargerThanTheLimitIsResponseTooLargeWithItsStatus() {
    long limit = ContractSubject.SETTINGS.maxResponseBytes();
    service.faults().failNext(first, Operation.FETCH, 1, Fault.oversizedBody(503, limit * 2));

    assertTooLarge(failureOf(subject.transport().fetch(first, "JOB")), 503);
  }

  @Test
  void anEndlessAnswerIsResponseTooLarge() {
    service.faults().failNext(first, Operation.BULK_GET, 1, Fault.endlessBody());

    assertTooLarge(failureOf(subject.transport().bulkGet(first, List.of("A", "B"))), 200);
    assertThat(await(subject.transport().listOldest(first))).as("the transport is still usable").isEmpty();
  }

  @Test
  void aGzipBombIsResponseTooLarge() {
    service.faults().failNext(first, Operation.LIST, 1, Fault.gzipBomb());

    assertTooLarge(failureOf(subject.transport().listOldest(first)), 200);
    assertThat(await(subject.transport().listOldest(first))).as("the transport is still usable").isEmpty();
  }

  private void assertTooLarge(Throwable failure, int status) {
    assertThat(failure).isInstanceOf(ResponseTooLargeException.class)
        .hasMessageContaining("exceeded " + ContractSubject.SETTINGS.maxResponseBytes() + " bytes")
        .hasMessageContaining("retarus.fax.max-response-bytes");
    assertThat(((FaxReportsException) failure).httpStatus()).isEqualTo(status);
    assertNames(failure, first);
  }

  @Test
  void everyCallIsSeenByTheServiceExactlyOnce() {
    await(subject.transport().listOldest(first));
    failureOf(subject.transport().fetch(second, "nope"));

    assertThat(service.calls()).extracting(c -> c.dataCenter() + " " + c.operation())
        .containsExactly(first.name() + " LIST", second.name() + " FETCH");
  }
}
