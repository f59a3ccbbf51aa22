package dev.faxreports.micrometer;

/**
 * The meter names and tag keys {@link MicrometerObserver} records — a contract: dashboards and
 * alerts are built on them. Prometheus renders dots as underscores and adds unit suffixes ({@code
 * faxreports_requests_seconds}, {@code faxreports_reports_oldest_age_seconds}).
 */
public final class FaxReportsMeters {
  private FaxReportsMeters() {}

  /** Timer per attempt; tags {@link #DATA_CENTER}, {@link #OPERATION}, {@link #OUTCOME}, {@link #STATUS}. */
  public static final String REQUESTS = "faxreports.requests";
  /** Distribution summary of answer body sizes in bytes (decoded); tags data center, operation. */
  public static final String RESPONSE_SIZE = "faxreports.responses.size";
  /** Counter of scheduled retries; tags data center, operation, {@link #REASON}. */
  public static final String RETRIES = "faxreports.retries";
  /** Counter of calls that failed for good in a data center; tags data center, operation, outcome. */
  public static final String DATA_CENTER_FAILURES = "faxreports.datacenter.failures";
  /** Counter of reports handed to a drain's handler (redeliveries included); tag data center. */
  public static final String REPORTS_EXPORTED = "faxreports.reports.exported";
  /** Counter of reports a drain deleted after its handler stored them; tag data center. */
  public static final String REPORTS_DELETED = "faxreports.reports.deleted";
  /** Counter of exported reports whose delete failed (they come again); tag data center. */
  public static final String REPORTS_DELETE_FAILED = "faxreports.reports.delete.failed";
  /** Gauge: the size of the data center's last listing, 0–1000 (1000 means at least); tag data center. */
  public static final String REPORTS_PENDING = "faxreports.reports.pending";
  /** Gauge, seconds: now minus the oldest {@code sentTs} of the last listing (0 when empty); tag data center. */
  public static final String REPORTS_OLDEST_AGE = "faxreports.reports.oldest.age";
  /** Long-task timer: drains running now and for how long. */
  public static final String DRAIN = "faxreports.drain";

  /** Name of the observation of one attempt (its span, with tracing); keys in {@link FaxReportsObservation#REQUEST}. */
  public static final String REQUEST_OBSERVATION = "faxreports.request";
  /** Name of the observation of one drain (its span, with tracing); keys in {@link FaxReportsObservation#DRAIN}. */
  public static final String DRAIN_OBSERVATION = "faxreports.drain.run";

  /** The data center's name, e.g. {@code DE1}. */
  public static final String DATA_CENTER = "data.center";
  /** {@code list}, {@code get}, {@code bulk.get}, {@code bulk.delete}, {@code delete}, {@code delete.oldest}. */
  public static final String OPERATION = "operation";
  /** {@code success}, {@code client.error}, {@code server.error}, {@code timeout}, {@code connection}, {@code tls}, {@code auth}. */
  public static final String OUTCOME = "outcome";
  /** The HTTP status, or {@code none} without an answer. */
  public static final String STATUS = "status";
  /** A retry's cause: the outcome kind of the failed attempt. */
  public static final String REASON = "reason";
  /** The customer number — only when asked for ({@link MicrometerObserver.Builder#customerNumberTag}). */
  public static final String CUSTOMER_NUMBER = "customer.number";

  /** The {@link #STATUS} value of an HTTP status: the status itself, or {@code none} for 0 (no answer). */
  static String statusValue(int status) {
    return status == 0 ? "none" : String.valueOf(status);
  }
}
