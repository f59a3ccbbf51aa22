package dev.faxreports.model;

/**
 * Why a report was not deleted. An open value like {@link FaxStatus}: unknown codes are kept.
 */
public record DeletionReason(String code) {

  /** No report exists for the job ID (in the data center that answered). */
  public static final DeletionReason NOT_FOUND = new DeletionReason("NOT_FOUND");
  /** The service failed for this job without saying why. */
  public static final DeletionReason INTERNAL_ERROR = new DeletionReason("INTERNAL_ERROR");
  /**
   * Not a server code: set by this library when a data center that might hold the job failed, so
   * whether it was deleted there is unknown. The result's failures say which data center and why.
   */
  public static final DeletionReason DATA_CENTER_FAILED = new DeletionReason("DATA_CENTER_FAILED");

  public DeletionReason {
    if (code == null || code.isBlank()) {
      throw new IllegalArgumentException("a deletion reason code must not be blank");
    }
  }

  /** The constant for a known code, else a new value that keeps the code as it came. */
  public static DeletionReason of(String code) {
    if (NOT_FOUND.code.equals(code)) {
      return NOT_FOUND;
    }
    if (INTERNAL_ERROR.code.equals(code)) {
      return INTERNAL_ERROR;
    }
    return new DeletionReason(code);
  }

  @Override
  public String toString() {
    return code;
  }
}
