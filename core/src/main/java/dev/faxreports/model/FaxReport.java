package dev.faxreports.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The status report of one fax job, as one data center returns it: a typed view over the
 * report's {@linkplain #originalJson() original JSON}.
 *
 * <p>The typed view is read tolerantly. A field it cannot read (a {@code sentTs} of {@code
 * "yesterday"}, a text where a number belongs) is left empty and named in {@link
 * #unreadableFields()} rather than failing the whole page; the original JSON keeps its value.
 * Store {@link #originalJson()} when archiving: it is what the server sent, byte for byte, and the
 * service deletes its copy once a drain acknowledges the report.
 *
 * <p><b>Equality</b> is of the typed view (every component but {@code originalJson}): a report
 * read from the wire equals the same report built in code. Compare {@link #originalJson()}
 * explicitly where the bytes matter.
 *
 * @param jobId the job's ID, never blank
 * @param recipientStatus one entry per recipient, in the server's order; never null
 * @param pages the page count, or {@code null} when the server did not send one (bulk DELETE
 *     answers and some bulk GET answers omit it); see {@link #pageCount()}
 * @param reference the customer's reference, or {@code null} when absent
 * @param originalJson the report as the server sent it, or {@code null} for a report that did not
 *     come from the wire (built in code, or by an in-memory fake)
 * @param unreadableFields paths of the fields the typed view could not read, such as {@code
 *     recipientStatus[0].sentTs}; empty for a report read completely; never null
 */
public record FaxReport(
    String jobId,
    List<RecipientStatus> recipientStatus,
    Integer pages,
    Reference reference,
    OriginalJson originalJson,
    List<String> unreadableFields) {

  public FaxReport {
    Checks.requireNonBlank(jobId, "jobId");
    recipientStatus = recipientStatus == null ? List.of() : List.copyOf(recipientStatus);
    unreadableFields = unreadableFields == null ? List.of() : List.copyOf(unreadableFields);
  }

  /** A report built in code: no original JSON, every field readable. */
  public FaxReport(String jobId, List<RecipientStatus> recipientStatus, Integer pages, Reference reference) {
    this(jobId, recipientStatus, pages, reference, null, List.of());
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

  /** The original JSON if the report came from the wire. */
  public Optional<OriginalJson> originalJsonIfPresent() {
    return Optional.ofNullable(originalJson);
  }

  /** Whether every field of the original JSON made it into the typed view. */
  public boolean isCompletelyRead() {
    return unreadableFields.isEmpty();
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
    return new FaxReport(jobId, recipientStatus, newPages, reference, originalJson, unreadableFields);
  }

  /** This report carrying {@code json} as what the server sent. */
  public FaxReport withOriginalJson(OriginalJson json) {
    return new FaxReport(jobId, recipientStatus, pages, reference, json, unreadableFields);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof FaxReport that
        && jobId.equals(that.jobId)
        && recipientStatus.equals(that.recipientStatus)
        && Objects.equals(pages, that.pages)
        && Objects.equals(reference, that.reference)
        && unreadableFields.equals(that.unreadableFields);
  }

  @Override
  public int hashCode() {
    return Objects.hash(jobId, recipientStatus, pages, reference, unreadableFields);
  }
}
