package dev.faxreports.jdbc;

/**
 * The report store could not be opened or could not store a page. The message names the database
 * by its {@linkplain JdbcSettings#redactedUrl() redacted URL} and says what went wrong in plain
 * words (database unreachable, credentials refused, disk full, schema newer than this library…),
 * followed by the database's own words; it never holds a password. The driver's exception, if
 * any, is the cause.
 *
 * <p>Thrown by {@link JdbcReportStore#handle}, it stops a drain before that page is deleted at the
 * service: nothing of the page was stored, and a rerun stores it. A page whose connection was lost
 * has been tried a second time, on a new connection, before this is thrown; the message then says
 * so, and the first attempt's failure is attached as suppressed.
 */
public class ReportStoreException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ReportStoreException(String message) {
    super(message);
  }

  public ReportStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
