package dev.faxreports.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The status report of one fax job, as one data center returns it.
 *
 * @param jobId the job's ID, never blank
 * @param recipientStatus one entry per recipient, in the server's order; never null
 * @param pages the page count, or {@code null} when the server did not send one (bulk DELETE
 *     answers and some bulk GET answers omit it); see {@link #pageCount()}
 * @param reference the customer's reference, or {@code null} when absent
 */
public record FaxReport(
    String jobId, List<RecipientStatus> recipientStatus, Integer pages, Reference reference) {

  public FaxReport {
    Checks.requireNonBlank(jobId, "jobId");
    recipientStatus = recipientStatus == null ? List.of() : List.copyOf(recipientStatus);
  }

  /** A report with just an ID, for tests and for seeding. */
  public static FaxReport of(String jobId, RecipientStatus... recipients) {
    return new FaxReport(jobId, List.of(recipients), null, null);
  }

  /** The page count if the server sent one; empty is different from zero pages. */
  public OptionalInt pageCount() {
    return pages == null ? OptionalInt.empty() : OptionalInt.of(pages);
  }

  /** The reference if the server sent one. */
  public Optional<Reference> referenceIfPresent() {
    return Optional.ofNullable(reference);
  }

  /**
   * The earliest send time over all recipients, the best available proxy for the report's age;
   * empty when no recipient has one.
   */
  public Optional<java.time.Instant> earliestSentTs() {
    return recipientStatus.stream()
        .map(RecipientStatus::sentTs)
        .filter(Objects::nonNull)
        .min(java.time.Instant::compareTo);
  }

  public FaxReport withPages(Integer newPages) {
    return new FaxReport(jobId, recipientStatus, newPages, reference);
  }
}
