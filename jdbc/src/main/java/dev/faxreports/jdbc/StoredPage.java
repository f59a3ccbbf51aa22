package dev.faxreports.jdbc;

/**
 * What {@link JdbcReportStore#store} made of one page, all of it committed.
 *
 * @param typed reports stored in {@code fax_reports} (and their recipients), each job ID once
 * @param quarantined reports the typed tables could not take, kept byte for byte with the reason
 *     in {@code fax_reports_rejected}
 */
public record StoredPage(int typed, int quarantined) {

  /** Nothing: an empty page. */
  public static final StoredPage EMPTY = new StoredPage(0, 0);
}
