package dev.faxreports.jdbc;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A report the typed tables cannot take, as its {@code fax_reports_rejected} row: where it came
 * from, its job ID where that is text a database keeps, why, and its bytes exactly as the server
 * sent them. The key is the data center and the bytes' SHA-256, so the same report delivered again
 * (its delete failed) is one row, and two different reports are never one.
 *
 * @param dataCenter the data center that served it
 * @param jobId its job ID, or null when that is not text a database keeps (a lone surrogate, a NUL)
 * @param reason why it is not in {@code fax_reports}, in words
 * @param bytes the report as the server sent it
 */
record RejectedRow(String dataCenter, String jobId, String reason, byte[] bytes) {

  /** The longest reason stored: a database's message can quote a whole row. */
  static final int MAX_REASON = 2_000;

  RejectedRow {
    reason = ReportRow.text(reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) + "…" : reason);
  }

  /** The SHA-256 of {@link #bytes()}: with the data center, the row's key. */
  byte[] sha256() {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** {@code row}'s report, refused: the same data center and bytes, and job ID where that is text. */
  static RejectedRow of(ReportRow row, String reason) {
    return new RejectedRow(row.dataCenter(), Triage.keptAsText(row.jobId()) ? row.jobId() : null, reason,
        row.reportJson());
  }
}
