package dev.faxreports.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faxreports.model.FaxReport;
import dev.faxreports.model.OriginalJson;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What an archive stores is what the server sent: the typed view is a view, never the record. */
class OriginalJsonTest {

  /** Unknown fields, nulls, blanks, odd types, non-ASCII text, and spacing the server chose. */
  static final String ODD_REPORT = "{ \"jobId\" : \"J-odd\", \"futureField\": {\"deep\": [1, null, 2.50]},"
      + "\"alternativeNumbers\":[\"+41 1\",\"+41 2\"],\"pages\":null,"
      + "\"recipientStatus\":[{\"number\":\"+4989\",\"status\":\"\",\"reason\":null,"
      + "\"durationInSecs\":null,\"sentTs\":\"yesterday\",\"properties\":null,\"extra\":true},"
      + "{\"number\":12345,\"status\":\"OK\",\"durationInSecs\":\"7\",\"sentTs\":\"2026-11-01T10:00:00Z\"}],"
      + "\"reference\":{\"customerDefinedId\":\"Grüße ✓\",\"billingCode\":\"\",\"unknownRef\":[]}}";

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void eachReportOfAListKeepsItsOwnBytesExactly() {
    String other = "{\"jobId\":\"J2\",\"recipientStatus\":[]}";
    byte[] body = utf8("{\"paging\":{},\"reports\":[\n  " + ODD_REPORT + " ,\n" + other + "\n]}");

    List<FaxReport> reports = WireFormat.readReports(body);

    assertThat(reports).extracting(r -> r.originalJson().text()).containsExactly(ODD_REPORT, other);
  }

  @Test
  void oneReportKeepsItsBytesWithoutTheSurroundingWhitespace() {
    FaxReport report = WireFormat.readReport(utf8("\n " + ODD_REPORT + "\r\n"));

    assertThat(report.originalJson()).isEqualTo(OriginalJson.of(ODD_REPORT));
  }

  @Test
  void aFieldOfTheWrongFormIsFlaggedInTheTypedViewAndTheReportIsKept() {
    FaxReport report = WireFormat.readReport(utf8(ODD_REPORT));

    assertThat(report.jobId()).isEqualTo("J-odd");
    assertThat(report.unreadableFields()).containsExactly("recipientStatus[0].sentTs");
    assertThat(report.isCompletelyRead()).isFalse();
    assertThat(report.recipientStatus().get(0).sentTs()).isNull();
    assertThat(report.recipientStatus().get(0).status()).isNull();
    assertThat(report.recipientStatus().get(1).number()).isEqualTo("12345");
    assertThat(report.recipientStatus().get(1).durationInSecs()).isEqualTo(7);
    assertThat(report.recipientStatus().get(1).sentTs()).isEqualTo(Instant.parse("2026-11-01T10:00:00Z"));
    assertThat(report.reference().customerDefinedId()).isEqualTo("Grüße ✓");
  }

  @Test
  void everyKindOfBadFieldIsNamedByItsPath() {
    FaxReport report = WireFormat.readReport(utf8("{\"jobId\":\"J\",\"pages\":\"many\",\"reference\":[1],"
        + "\"recipientStatus\":[7,{\"durationInSecs\":99999999999,\"status\":{\"x\":1},"
        + "\"properties\":[{\"key\":[],\"value\":\"v\"},\"p\"]}]}"));

    assertThat(report.unreadableFields()).containsExactly("pages", "reference", "recipientStatus[0]",
        "recipientStatus[1].durationInSecs", "recipientStatus[1].status",
        "recipientStatus[1].properties[0].key", "recipientStatus[1].properties[1]");
    assertThat(report.pages()).isNull();
    assertThat(report.recipientStatus()).hasSize(1);
    assertThat(report.recipientStatus().get(0).properties()).hasSize(1);
  }

  @Test
  void aRecipientListThatIsNotAListIsFlaggedNotFatal() {
    FaxReport report = WireFormat.readReport(utf8("{\"jobId\":\"J\",\"recipientStatus\":\"none\"}"));

    assertThat(report.recipientStatus()).isEmpty();
    assertThat(report.unreadableFields()).containsExactly("recipientStatus");
  }

  @Test
  void aReportLineCarriesTheOriginalUnchangedAndReadsBackToIt() {
    FaxReport report = WireFormat.readReport(utf8(ODD_REPORT));

    byte[] line = WireFormat.writeReportLine(report, "DE1");

    assertThat(new String(line, StandardCharsets.UTF_8))
        .isEqualTo("{\"dataCenter\":\"DE1\",\"report\":" + ODD_REPORT + "}\n");
    ReportLine read = WireFormat.readReportLine(line);
    assertThat(read.report().originalJson()).isEqualTo(report.originalJson());
    assertThat(read.report()).isEqualTo(report);
  }

  @Test
  void lineBreaksBetweenTokensBecomeSpacesSoAReportStaysOneLine() {
    String pretty = "{\n  \"jobId\" : \"J\",\r\n  \"note\" : \"a\\nb\"\n}";
    FaxReport report = WireFormat.readReport(utf8(pretty));

    String line = new String(WireFormat.writeReportLine(report, "DE1"), StandardCharsets.UTF_8);

    assertThat(line).hasLineCount(1).contains("\"note\" : \"a\\nb\"");
    assertThat(line).isEqualTo("{\"dataCenter\":\"DE1\",\"report\":"
        + pretty.replace('\n', ' ').replace('\r', ' ') + "}\n");
  }

  @Test
  void aServedReportIsItsOriginalJson() {
    FaxReport report = WireFormat.readReport(utf8(ODD_REPORT));

    byte[] served = WireFormat.writeReports(List.of(report, report));

    assertThat(new String(served, StandardCharsets.UTF_8))
        .isEqualTo("{\"reports\":[" + ODD_REPORT + "," + ODD_REPORT + "]}");
  }

  @Test
  void bytesThatAreNotUtf8AreServedAndReadBackUnchanged() {
    // An overlong '/' (C0 AF) in a field the typed view reads, a three-byte one (E0 80 AF) in one it
    // skips, the UTF-8 form of a surrogate (ED A0 80) in another: the reader takes them as they come
    // (decoding leniently), and what a fake serves is what it was seeded with.
    java.io.ByteArrayOutputStream json = new java.io.ByteArrayOutputStream();
    json.writeBytes(utf8("{\"jobId\":\"J\",\"reference\":{\"customerDefinedId\":\"a"));
    json.writeBytes(new byte[] {(byte) 0xc0, (byte) 0xaf});
    json.writeBytes(utf8("b\"},\"unknown\":\"x"));
    json.writeBytes(new byte[] {(byte) 0xe0, (byte) 0x80, (byte) 0xaf});
    json.writeBytes(utf8("\",\"other\":\""));
    json.writeBytes(new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80});
    json.writeBytes(utf8("\"}"));
    byte[] original = json.toByteArray();
    FaxReport report = WireFormat.readReport(original);

    byte[] served = WireFormat.writeReports(List.of(report, report));
    List<FaxReport> read = WireFormat.readReports(served);

    assertThat(report.originalJson().bytes()).isEqualTo(original);
    assertThat(served).startsWith(utf8("{\"reports\":[")).containsSequence(original);
    assertThat(read).extracting(r -> r.originalJson().bytes()).containsExactly(original, original);
    assertThat(WireFormat.writeReport(report)).isEqualTo(original);
  }

  @Test
  void equalityIsOfTheTypedView() {
    FaxReport fromWire = WireFormat.readReport(utf8("{\"jobId\":\"J\",\"recipientStatus\":[], \"x\":1}"));

    assertThat(fromWire).isEqualTo(new FaxReport("J", List.of(), null, null));
    assertThat(fromWire.toString()).contains("OriginalJson[").doesNotContain("\"x\"");
  }

  @Test
  void anOddUnknownFieldBeyondJacksonsDefaultLimitsDoesNotFailThePage() {
    String huge = "9".repeat(5_000);
    String deep = "[".repeat(3_000) + "]".repeat(3_000);
    String report = "{\"jobId\":\"J\",\"big\":" + huge + ",\"deep\":" + deep + ",\"pages\":" + huge + "}";

    FaxReport read = WireFormat.readReport(utf8(report));

    assertThat(read.originalJson().text()).isEqualTo(report);
    assertThat(read.unreadableFields()).containsExactly("pages");
  }

  @Test
  void aReportWithTwoJobIdsIsMalformedNotGuessed() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> WireFormat.readReports(utf8(
        "{\"reports\":[{\"jobId\":\"A\",\"jobId\":\"B\"}]}"))).isInstanceOf(MalformedBodyException.class)
        .hasMessageContaining("two jobIds");
  }

  @Test
  void aUtf16BodyIsAClearError() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> WireFormat.readReport(
        "{\"jobId\":\"J\"}".getBytes(StandardCharsets.UTF_16BE))).isInstanceOf(MalformedBodyException.class)
        .hasMessageContaining("UTF-8");
  }
}
