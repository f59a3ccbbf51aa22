package dev.faxreports.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faxreports.model.CoverPageProperty;
import dev.faxreports.model.DeletionResult;
import dev.faxreports.model.FaxReport;
import dev.faxreports.model.RecipientStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TolerantReaderTest {

  private static byte[] json(String text) {
    return text.replace('\'', '"').getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void unknownFieldsAnywhereAreIgnored() {
    List<FaxReport> reports = WireFormat.readReports(json("""
        {'reports':[{'jobId':'J','novel':{'deep':[1,{'x':null}]},'recipientStatus':[
          {'number':'+1','status':'OK','reason':'OK','durationInSecs':3,'extra':[true]}],
          'reference':{'billingCode':'B','future':1}}],'paging':{'next':null}}"""));

    assertThat(reports).singleElement().satisfies(r -> {
      assertThat(r.jobId()).isEqualTo("J");
      assertThat(r.reference().billingCode()).isEqualTo("B");
      assertThat(r.recipientStatus().get(0).durationInSecs()).isEqualTo(3);
    });
  }

  @Test
  void missingOptionalFieldsAreAbsentNotZero() {
    FaxReport report = WireFormat.readReport(json("{'jobId':'J','recipientStatus':[{'number':'+1','status':'BUSY'}]}"));

    assertThat(report.pageCount()).isEmpty();
    assertThat(report.reference()).isNull();
    RecipientStatus recipient = report.recipientStatus().get(0);
    assertThat(recipient.sentAt()).isEmpty();
    assertThat(recipient.sentToNumber()).isNull();
  }

  @Test
  void coverPagePropertiesAreRead() {
    FaxReport report = WireFormat.readReport(json(
        "{'jobId':'J','recipientStatus':[{'properties':[{'key':'k','value':'v'}],'status':'OK'}]}"));

    assertThat(report.recipientStatus().get(0).properties()).containsExactly(new CoverPageProperty("k", "v"));
  }

  @Test
  void unknownStatusCodesAreKept() {
    FaxReport report = WireFormat.readReport(json("{'jobId':'J','recipientStatus':[{'status':'NEW_CODE_2027'}]}"));

    assertThat(report.recipientStatus().get(0).status().code()).isEqualTo("NEW_CODE_2027");
    assertThat(report.recipientStatus().get(0).status().isKnown()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"2017-08-04T15:09:10Z", "2017-08-04T17:09:10+02:00", "2017-08-04T15:09:10",
      "2017-08-04T15:09:10.000Z"})
  void isoTimestampsInEveryCommonForm(String sentTs) {
    FaxReport report = WireFormat.readReport(json("{'jobId':'J','recipientStatus':[{'sentTs':'" + sentTs + "'}]}"));

    assertThat(report.recipientStatus().get(0).sentTs()).isEqualTo(Instant.parse("2017-08-04T15:09:10Z"));
  }

  @Test
  void deleteOldestAsABareArray() {
    assertThat(WireFormat.readDeletions(json("[{'jobId':'A','deleted':true},{'jobId':'B','deleted':false,'reason':'NOT_FOUND'}]")))
        .containsExactly(DeletionResult.deleted("A"), DeletionResult.notFound("B"));
  }

  @Test
  void singleDeleteAnswersInEveryShape() {
    assertThat(WireFormat.readDeletion(new byte[0], "A")).isEqualTo(DeletionResult.deleted("A"));
    assertThat(WireFormat.readDeletion(json("{'jobId':'A','deleted':true}"), "A")).isEqualTo(DeletionResult.deleted("A"));
    assertThat(WireFormat.readDeletion(json("{'reports':[{'jobId':'A','deleted':false,'reason':'NOT_FOUND'}]}"), "A"))
        .isEqualTo(DeletionResult.notFound("A"));
  }

  @Test
  void numbersAsStringsAndCodesAsNumbers() {
    FaxReport report = WireFormat.readReport(json("{'jobId':'J','pages':'3','recipientStatus':[]}"));
    assertThat(report.pages()).isEqualTo(3);
    assertThat(WireFormat.readError(json("{'code':'SERVICE_UNAVAILABLE'}")).code()).isEqualTo("SERVICE_UNAVAILABLE");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "",
      "{'reports':[{'jobId':'A','recipientStatus':[",   // truncated
      "<html><body>502 Bad Gateway</body></html>",
      "{}",                                              // no 'reports': not silently empty
      "{'reports':[{'recipientStatus':[]}]}",            // a report without jobId
      "{'reports':[]} trailing",
      "{'reports':'nope'}"})
  void malformedBodiesAreClearErrors(String body) {
    assertThatThrownBy(() -> WireFormat.readReports(json(body))).isInstanceOf(MalformedBodyException.class);
  }

  @Test
  void errorBodiesThatAreNotJsonAreNoError() {
    assertThat(WireFormat.readError(json("<html>Bad Gateway</html>"))).isEqualTo(ErrorBody.NONE);
    assertThat(WireFormat.readError(new byte[0])).isEqualTo(ErrorBody.NONE);
    assertThat(WireFormat.readError(null)).isEqualTo(ErrorBody.NONE);
  }

  @Test
  void writtenReportsLeaveOutNullsAndWritePropertiesNullLikeTheService() {
    String written = new String(WireFormat.writeReport(
        new FaxReport("J", List.of(RecipientStatus.of("+1", null, null)), null, null)), StandardCharsets.UTF_8);

    assertThat(written).isEqualTo("{\"jobId\":\"J\",\"recipientStatus\":[{\"number\":\"+1\",\"properties\":null,\"durationInSecs\":0}]}");
  }

  @Test
  void jsonLinesLeadWithTheDataCenterAndReadBackAsTheReport() {
    FaxReport report = new FaxReport("J", List.of(RecipientStatus.of("+1", dev.faxreports.model.FaxStatus.OK, Instant.EPOCH)), 2, null);

    byte[] line = WireFormat.writeReportLine(report, "DE1");

    String text = new String(line, StandardCharsets.UTF_8);
    assertThat(text).startsWith("{\"dataCenter\":\"DE1\",\"report\":{\"jobId\":\"J\"").endsWith("}}\n").hasLineCount(1);
    ReportLine read = WireFormat.readReportLine(line);
    assertThat(read.dataCenter()).isEqualTo("DE1");
    assertThat(read.report()).isEqualTo(report);
    assertThat(new String(WireFormat.writeDeletionLine(DeletionResult.notFound("J"), null), StandardCharsets.UTF_8))
        .isEqualTo("{\"jobId\":\"J\",\"deleted\":false,\"reason\":\"NOT_FOUND\"}\n");
  }

  @Test
  void aBlankReasonIsNoReasonAndDoesNotSpoilTheList() {
    assertThat(WireFormat.readDeletions(json("{'reports':[{'jobId':'A','deleted':true},{'jobId':'B','deleted':false,'reason':''}]}")))
        .containsExactly(DeletionResult.deleted("A"), DeletionResult.failed("B", null));
  }

  @Test
  void aNullJobIdOrAFuzzyBooleanIsMalformedNotACrash() {
    assertThatThrownBy(() -> WireFormat.readBulkRequest(json("{'action':'GET','jobIds':['A',null]}")))
        .isInstanceOf(MalformedBodyException.class);
    assertThatThrownBy(() -> WireFormat.readDeletions(json("{'reports':[{'jobId':'A','deleted':'yes'}]}")))
        .isInstanceOf(MalformedBodyException.class);
    assertThat(WireFormat.readDeletions(json("{'reports':[{'jobId':'A','deleted':'TRUE'}]}")))
        .containsExactly(DeletionResult.deleted("A"));
  }
}
