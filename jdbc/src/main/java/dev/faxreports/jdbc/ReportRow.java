package dev.faxreports.jdbc;

import dev.faxreports.model.FaxReport;
import dev.faxreports.model.RecipientStatus;
import dev.faxreports.model.Reference;
import dev.faxreports.wire.WireFormat;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One report as the rows it becomes: the {@code fax_reports} columns (but {@code stored_at}, which
 * the writer sets) and its {@code fax_recipient_statuses} rows.
 */
record ReportRow(
    String jobId,
    String dataCenter,
    Integer pages,
    String customerDefinedId,
    String billingCode,
    String billingInfo,
    Instant firstSentTs,
    byte[] reportJson,
    List<RecipientRow> recipients) {

  /** {@link #reportJson()}, checked to be UTF-8, as text. */
  String reportJsonText() {
    return new String(reportJson, StandardCharsets.UTF_8);
  }

  /** One recipient's row; {@code position} is its index in the report's {@code recipientStatus}, from 0. */
  record RecipientRow(
      int position,
      String number,
      String status,
      String reason,
      Instant sentTs,
      int durationSecs,
      String sentToNumber,
      String remoteCsid,
      String propertiesJson) {}

  static ReportRow of(String dataCenter, FaxReport report) {
    Reference reference = report.reference();
    List<RecipientRow> recipients = new ArrayList<>(report.recipientStatus().size());
    for (RecipientStatus recipient : report.recipientStatus()) {
      recipients.add(new RecipientRow(recipients.size(), text(recipient.number()),
          recipient.status() == null ? null : text(recipient.status().code()), text(recipient.reason()),
          recipient.sentTs(), recipient.durationInSecs(), text(recipient.sentToNumber()), text(recipient.remoteCsid()),
          JsonText.properties(recipient.properties())));
    }
    return new ReportRow(report.jobId(), dataCenter, report.pages(),
        reference == null ? null : text(reference.customerDefinedId()),
        reference == null ? null : text(reference.billingCode()),
        reference == null ? null : text(reference.billingInfo()),
        report.earliestSentTs().orElse(null), json(report), List.copyOf(recipients));
  }

  /**
   * A typed column's text. Neither database keeps a NUL character in text (PostgreSQL refuses it),
   * and refusing the page would stop every drain at that report: in the typed columns a NUL becomes
   * U+FFFD. {@code report_json} has the exact value, escaped as the server sent it.
   */
  static String text(String value) {
    return value == null || value.indexOf('\0') < 0 ? value : value.replace('\0', '\uFFFD');
  }

  /**
   * The report as the server sent it. A report built in code has no original; it is stored as the
   * wire format writes its typed view. Bytes that are not UTF-8 could not be stored unchanged as
   * text, so they fail the page rather than being altered.
   */
  private static byte[] json(FaxReport report) {
    byte[] bytes = report.originalJson() != null ? report.originalJson().bytes() : WireFormat.writeReport(report);
    if (!Utf8.isValid(bytes)) {
      throw new IllegalArgumentException("report " + report.jobId() + ": its JSON is not UTF-8 text and cannot be"
          + " stored byte for byte");
    }
    return bytes;
  }
}
