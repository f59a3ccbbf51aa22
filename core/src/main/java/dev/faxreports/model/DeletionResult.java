package dev.faxreports.model;

import java.util.Optional;

/**
 * The answer for one job of a delete.
 *
 * @param jobId the job
 * @param deleted whether the report is gone because of this request
 * @param reason why not, or {@code null} when {@code deleted}
 */
public record DeletionResult(String jobId, boolean deleted, DeletionReason reason) {

  public DeletionResult {
    Checks.requireNonBlank(jobId, "jobId");
    if (deleted && reason != null) {
      throw new IllegalArgumentException("a deleted job has no failure reason: " + reason);
    }
    if (!deleted && reason == null) {
      reason = DeletionReason.INTERNAL_ERROR;
    }
  }

  public static DeletionResult deleted(String jobId) {
    return new DeletionResult(jobId, true, null);
  }

  public static DeletionResult notFound(String jobId) {
    return new DeletionResult(jobId, false, DeletionReason.NOT_FOUND);
  }

  public static DeletionResult failed(String jobId, DeletionReason reason) {
    return new DeletionResult(jobId, false, reason);
  }

  public boolean isNotFound() {
    return DeletionReason.NOT_FOUND.equals(reason);
  }

  /** The report no longer exists here: deleted now, or it never was (NOT_FOUND). */
  public boolean isGone() {
    return deleted || isNotFound();
  }

  public Optional<DeletionReason> reasonIfFailed() {
    return Optional.ofNullable(reason);
  }
}
