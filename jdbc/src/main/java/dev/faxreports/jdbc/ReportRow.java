package dev.faxreports.jdbc;

import dev.faxreports.model.FaxReport;
import dev.faxreports.model.RecipientStatus;
import dev.faxreports.model.Reference;
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

  /** {@link #reportJson()}, checked to be UTF-8 (see {@link Triage}), as text. */
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

  /** The rows of {@code report}, whose JSON {@code json} is (checked by {@link Triage}) UTF-8 text. */
  static ReportRow of(String dataCenter, FaxReport report, byte[] json) {
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
        report.earliestSentTs().orElse(null), json, List.copyOf(recipients));
  }

  /**
   * A typed column's text. Neither database keeps a NUL character in text (PostgreSQL refuses it),
   * and a lone UTF-16 surrogate (a JSON escape can spell one) has no UTF-8 form at all: Java would
   * write it as {@code ?}. Refusing the report for a typed field would be out of
   * proportion, so in the typed columns either becomes U+FFFD; {@code report_json} has the exact
   * value, escaped as the server sent it. (The job ID, a key, is never altered: see {@link Triage}.)
   */
  static String text(String value) {
    if (value == null) {
      return null;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\0' || Character.isSurrogate(c)) {
        return replaced(value, i);
      }
    }
    return value;
  }

  private static String replaced(String value, int from) {
    StringBuilder text = new StringBuilder(value.length()).append(value, 0, from);
    for (int i = from; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
        text.append(c).append(value.charAt(++i));
      } else {
        text.append(c == '\0' || Character.isSurrogate(c) ? '\uFFFD' : c);
      }
    }
    return text.toString();
  }
}
