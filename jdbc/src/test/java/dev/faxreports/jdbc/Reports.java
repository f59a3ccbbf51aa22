package dev.faxreports.jdbc;

import dev.faxreports.DrainPage;
import dev.faxreports.model.CoverPageProperty;
import dev.faxreports.model.DataCenter;
import dev.faxreports.model.FaxReport;
import dev.faxreports.model.FaxStatus;
import dev.faxreports.model.RecipientStatus;
import dev.faxreports.model.Reference;
import dev.faxreports.testkit.SampleReports;
import dev.faxreports.wire.WireFormat;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** Reports as a server sends them (each with its original JSON), and what the tables should hold for them. */
final class Reports {

  static final Instant START = Instant.parse("2026-11-01T08:00:00.123456789Z");

  private Reports() {}

  /** {@code count} varied reports, each carrying the JSON a server would have sent for it. */
  static List<FaxReport> sample(String prefix, int count) {
    return fromWire(SampleReports.generate(prefix, count, START, prefix.hashCode()));
  }

  /** The reports written as the API does and read back, so each has its original JSON. */
  static List<FaxReport> fromWire(List<FaxReport> reports) {
    return WireFormat.readReports(WireFormat.writeReports(reports));
  }

  static FaxReport fromJson(String json) {
    return WireFormat.readReport(json.getBytes(StandardCharsets.UTF_8));
  }

  static DrainPage page(List<FaxReport> reports) {
    return new DrainPage(DataCenter.DE1, reports, 1);
  }

  static DrainPage page(DataCenter dataCenter, List<FaxReport> reports) {
    return new DrainPage(dataCenter, reports, 1);
  }

  /** Reports that stretch the tables: missing fields, unreadable ones, odd Unicode, NUL, huge text. */
  static List<FaxReport> unusual() {
    List<FaxReport> reports = new ArrayList<>();
    reports.add(SampleReports.unusualJson("unusual-1"));
    reports.add(fromJson("{\"jobId\":\"bare-minimum\"}"));
    reports.add(fromJson("{\"jobId\":\"nulls\",\"recipientStatus\":null,\"pages\":null,\"reference\":null}"));
    String odd = "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 😀 עברית مرحبا e\u0301 \u2028\u2029 \uFEFF \u200B tab\there \"quoted\" back\\slash ☃";
    reports.add(fromWire(List.of(new FaxReport("odd-unicode", List.of(
        new RecipientStatus(odd, List.of(new CoverPageProperty(odd, "v\n\"" + odd)), FaxStatus.of("NEU_✓"), odd,
            Instant.parse("1999-12-31T23:59:59.999999Z"), Integer.MAX_VALUE, odd, odd)),
        0, new Reference(odd, odd, odd)))).get(0));
    reports.add(fromJson("{\"jobId\":\"nul-inside\",\"recipientStatus\":[{\"number\":\"+49\\u0000 1\","
        + "\"status\":\"OK\",\"reason\":\"a\\u0000b\",\"sentTs\":\"2026-11-01T10:00:00Z\",\"durationInSecs\":3}],"
        + "\"reference\":{\"customerDefinedId\":\"x\\u0000y\"}}"));
    String huge = "ü".repeat(100_000);
    reports.add(fromWire(List.of(new FaxReport("huge-strings", List.of(
        new RecipientStatus(huge, List.of(new CoverPageProperty("k", huge)), FaxStatus.OK, huge, START, 1, huge, huge)),
        1, new Reference(huge, huge, huge)))).get(0));
    return reports;
  }

  /** The row {@code fax_reports} should hold for {@code report} (ignoring {@code stored_at}). */
  static Stored.Report expectedRow(String dataCenter, FaxReport report) {
    Reference reference = report.reference();
    return new Stored.Report(report.jobId(), dataCenter, report.pages(),
        reference == null ? null : typed(reference.customerDefinedId()),
        reference == null ? null : typed(reference.billingCode()),
        reference == null ? null : typed(reference.billingInfo()),
        report.earliestSentTs().map(Reports::micros).orElse(null), null, report.originalJson().bytes());
  }

  /** The rows {@code fax_recipient_statuses} should hold for {@code report}. */
  static List<Stored.Recipient> expectedRecipients(FaxReport report) {
    List<Stored.Recipient> rows = new ArrayList<>();
    for (RecipientStatus recipient : report.recipientStatus()) {
      rows.add(new Stored.Recipient(report.jobId(), rows.size(), typed(recipient.number()),
          recipient.status() == null ? null : typed(recipient.status().code()), typed(recipient.reason()),
          recipient.sentTs() == null ? null : micros(recipient.sentTs()), recipient.durationInSecs(),
          typed(recipient.sentToNumber()), typed(recipient.remoteCsid()), properties(recipient.properties())));
    }
    return rows;
  }

  private static String properties(List<CoverPageProperty> properties) {
    StringBuilder json = new StringBuilder("[");
    for (CoverPageProperty property : properties) {
      json.append(json.length() > 1 ? "," : "").append("{\"key\":").append(quoted(property.key()))
          .append(",\"value\":").append(quoted(property.value())).append('}');
    }
    return json.append(']').toString();
  }

  private static String quoted(String text) {
    if (text == null) {
      return "null";
    }
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\t", "\\t")
        .replace("\r", "\\r") + "\"";
  }

  private static String typed(String text) {
    return text == null ? null : text.replace('\0', '\uFFFD');
  }

  static Instant micros(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS);
  }
}
