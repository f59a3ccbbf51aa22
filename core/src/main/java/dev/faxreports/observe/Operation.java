package dev.faxreports.observe;

/** The operations of the status-report API, as an observer sees them. */
public enum Operation {
  /** {@code GET /{custNr}/fax/reports}: a listing of the oldest reports. */
  LIST("list"),
  /** {@code GET /{custNr}/fax/reports/{jobId}}. */
  GET("get"),
  /** {@code POST /{custNr}/fax/reports} with action GET. */
  BULK_GET("bulk.get"),
  /** {@code POST /{custNr}/fax/reports} with action DELETE. */
  BULK_DELETE("bulk.delete"),
  /** {@code DELETE /{custNr}/fax/reports/{jobId}}. */
  DELETE("delete"),
  /** {@code DELETE /{custNr}/fax/reports}: the oldest reports, unseen. */
  DELETE_OLDEST("delete.oldest");

  private final String tagValue;

  Operation(String tagValue) {
    this.tagValue = tagValue;
  }

  /** The value for a metric tag or span attribute, e.g. {@code bulk.delete}. */
  public String tagValue() {
    return tagValue;
  }
}
