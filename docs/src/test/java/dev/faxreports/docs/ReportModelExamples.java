package dev.faxreports.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faxreports.model.FaxReport;
import dev.faxreports.model.FaxStatus;
import dev.faxreports.model.RecipientStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The snippets of report-model.md. */
class ReportModelExamples {

  // tag::outcome[]
  /** What to do about one recipient of a fax job. */
  enum Outcome { DELIVERED, SEND_AGAIN_LATER, FAILED, ASK_A_HUMAN }

  static Outcome outcome(RecipientStatus recipient) {
    FaxStatus status = recipient.status();
    if (status.isDelivered()) {
      return Outcome.DELIVERED;                        // OK: every page arrived
    }
    if (!status.isKnown()) {
      return Outcome.ASK_A_HUMAN;                      // a code newer than this library: see reason()
    }
    return switch (status.code()) {
      case "BUSY", "RING_TO", "NOFAX_TO" -> Outcome.SEND_AGAIN_LATER;  // the line may work later
      default -> Outcome.FAILED;                       // NOFAX, NOFAX_DIS: a person or no fax there
    };
  }
  // end::outcome[]

  @Test
  void everyKnownStatusHasAnOutcomeAndUnknownOnesAreKept() {
    Instant sent = Instant.parse("2026-01-01T00:00:00Z");
    assertThat(outcome(RecipientStatus.of("+4989", FaxStatus.OK, sent))).isEqualTo(Outcome.DELIVERED);
    assertThat(outcome(RecipientStatus.of("+4989", FaxStatus.BUSY, null))).isEqualTo(Outcome.SEND_AGAIN_LATER);
    assertThat(outcome(RecipientStatus.of("+4989", FaxStatus.RING_TO, null))).isEqualTo(Outcome.SEND_AGAIN_LATER);
    assertThat(outcome(RecipientStatus.of("+4989", FaxStatus.NOFAX_TO, null))).isEqualTo(Outcome.SEND_AGAIN_LATER);
    assertThat(outcome(RecipientStatus.of("+4989", FaxStatus.NOFAX, null))).isEqualTo(Outcome.FAILED);
    assertThat(outcome(RecipientStatus.of("+4989", FaxStatus.NOFAX_DIS, null))).isEqualTo(Outcome.FAILED);
    assertThat(outcome(RecipientStatus.of("+4989", FaxStatus.of("NEW_CODE"), null))).isEqualTo(Outcome.ASK_A_HUMAN);
    assertThat(FaxStatus.of("NEW_CODE").code()).isEqualTo("NEW_CODE");
  }

  @Test
  void absentOptionalFieldsAreNullOrEmpty() {
    FaxReport report = FaxReport.of("J1", RecipientStatus.of("+4989", FaxStatus.BUSY, null));
    // tag::absent[]
    report.pageCount();                                // OptionalInt: empty when "pages" was absent
    report.referenceIfPresent();                       // Optional<Reference>
    report.recipientStatus().get(0).sentAt();          // Optional<Instant>: empty when not sent
    report.unreadableFields();                         // [] when the typed view read every field
    report.originalJsonIfPresent();                    // the server's bytes; empty if built in code
    // end::absent[]
    assertThat(report.pageCount()).isEmpty();
    assertThat(report.referenceIfPresent()).isEmpty();
    assertThat(report.recipientStatus().get(0).sentAt()).isEmpty();
    assertThat(report.isCompletelyRead()).isTrue();
    assertThat(report.originalJsonIfPresent()).isEmpty();
  }
}
