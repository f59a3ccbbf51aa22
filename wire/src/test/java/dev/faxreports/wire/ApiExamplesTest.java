package dev.faxreports.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faxreports.model.DeletionReason;
import dev.faxreports.model.DeletionResult;
import dev.faxreports.model.FaxReport;
import dev.faxreports.model.FaxStatus;
import dev.faxreports.model.RecipientStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every example Retarus publishes decodes to the expected records, and survives a round trip. */
class ApiExamplesTest {

  static byte[] example(String name) {
    try (InputStream in = ApiExamplesTest.class.getResourceAsStream("/api/" + name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void listResponse() {
    List<FaxReport> reports = WireFormat.readReports(example("list-reports-response.json"));

    assertThat(reports).extracting(FaxReport::jobId)
        .containsExactly("FJJ5Y09UM505ZZBIELCRYC", "FJJ5WA23UO05ZZBIEL0JY5");
    FaxReport second = reports.get(1);
    assertThat(second.pages()).isEqualTo(2);
    assertThat(second.reference().billingCode()).isEqualTo("2017-08-03T10:07:31Z_billingCode");
    RecipientStatus recipient = second.recipientStatus().get(0);
    assertThat(recipient.number()).isEqualTo("+498912345678901");
    assertThat(recipient.status()).isSameAs(FaxStatus.OK);
    assertThat(recipient.sentTs()).isEqualTo(Instant.parse("2017-08-03T10:07:31Z"));
    assertThat(recipient.durationInSecs()).isEqualTo(21);
    assertThat(recipient.sentToNumber()).isEqualTo("00498912345678901");
    assertThat(recipient.remoteCsid()).isEqualTo("Retarus Faxolution");
    assertThat(recipient.properties()).isEmpty();
  }

  @Test
  void listFieldExampleWithNullProperties() {
    List<FaxReport> reports = WireFormat.readReports(example("list-reports-field-example.json"));

    assertThat(reports).hasSize(2);
    assertThat(reports.get(0).recipientStatus().get(0).properties()).isEmpty();
  }

  @Test
  void getOneResponse() {
    FaxReport report = WireFormat.readReport(example("get-one-report-response.json"));

    assertThat(report.jobId()).isEqualTo("FJJ66GHGX105ZZBIELVCN1");
    assertThat(report.pageCount()).hasValue(1);
    assertThat(report.recipientStatus().get(0).number()).isEqualTo("+49 89 1234567-8900");
    assertThat(report.reference().customerDefinedId())
        .isEqualTo("2022-04-7T11:04:37.057Z_customerDefinedId");
  }

  @Test
  void errorBody() {
    ErrorBody error = WireFormat.readError(example("get-one-report-401.json"));

    assertThat(error).isEqualTo(new ErrorBody("401", "Authenication failed"));
  }

  @Test
  void deleteOldestResponse() {
    List<DeletionResult> results = WireFormat.readDeletions(example("delete-oldest-response.json"));

    assertThat(results).hasSize(7);
    assertThat(results.get(0)).isEqualTo(DeletionResult.deleted("FJJ5Y09UM505ZZBIELCRYC"));
    assertThat(results.get(2)).isEqualTo(DeletionResult.notFound("FJJ5WA0FWM05ZZBIELZPE4"));
    assertThat(results.get(4).reason()).isEqualTo(DeletionReason.INTERNAL_ERROR);
  }

  @Test
  void bulkRequestWithALowerCaseAction() {
    BulkRequest request = WireFormat.readBulkRequest(example("bulk-get-request.json"));

    assertThat(request.action()).isEqualTo(BulkAction.GET);
    assertThat(request.jobIds()).containsExactly("FJJ5Y09UM505ZZBIELCRYC", "FJJ5WA23UO05ZZBIEL0JY5");
  }

  @Test
  void bulkDeleteResponse() {
    assertThat(WireFormat.readDeletions(example("bulk-delete-response.json"))).containsExactly(
        DeletionResult.deleted("FJJ5Y09UM505ZZBIELCRYC"),
        DeletionResult.notFound("FJJ5WA0FWM05ZZBIELZPE4"));
  }

  @Test
  void everyExampleRoundTrips() {
    for (String name : List.of("list-reports-response.json", "list-reports-field-example.json")) {
      List<FaxReport> decoded = WireFormat.readReports(example(name));
      assertThat(WireFormat.readReports(WireFormat.writeReports(decoded))).isEqualTo(decoded);
    }
    FaxReport one = WireFormat.readReport(example("get-one-report-response.json"));
    assertThat(WireFormat.readReport(WireFormat.writeReport(one))).isEqualTo(one);
    for (String name : List.of("delete-oldest-response.json", "bulk-delete-response.json")) {
      List<DeletionResult> decoded = WireFormat.readDeletions(example(name));
      assertThat(WireFormat.readDeletions(WireFormat.writeDeletions(decoded))).isEqualTo(decoded);
    }
    BulkRequest request = WireFormat.readBulkRequest(example("bulk-get-request.json"));
    assertThat(WireFormat.readBulkRequest(WireFormat.writeBulkRequest(request))).isEqualTo(request);
    ErrorBody error = WireFormat.readError(example("get-one-report-401.json"));
    assertThat(WireFormat.readError(WireFormat.writeError(error))).isEqualTo(error);
  }
}
