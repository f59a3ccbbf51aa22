package dev.faxreports.testkit;

/** The operations of the status-report API, for recording calls and aiming faults. */
public enum Operation {
  /** {@code GET /{custNr}/fax/reports} */
  LIST,
  /** {@code DELETE /{custNr}/fax/reports} */
  DELETE_OLDEST,
  /** {@code GET /{custNr}/fax/reports/{jobId}} */
  FETCH,
  /** {@code DELETE /{custNr}/fax/reports/{jobId}} */
  DELETE,
  /** {@code POST /{custNr}/fax/reports} with action GET */
  BULK_GET,
  /** {@code POST /{custNr}/fax/reports} with action DELETE */
  BULK_DELETE
}
