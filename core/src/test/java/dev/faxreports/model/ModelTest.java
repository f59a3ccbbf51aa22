package dev.faxreports.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelTest {

  @Test
  void regionsMapToTheirDataCenterUrls() {
    assertThat(Region.EUROPE.dataCenters()).extracting(DataCenter::baseUri).containsExactly(
        URI.create("https://faxws.de1.retarus.com/rest/v1"),
        URI.create("https://faxws.de2.retarus.com/rest/v1"));
    assertThat(Region.USA.dataCenters()).extracting(DataCenter::name).containsExactly("US1", "US2");
    assertThat(Region.SWITZERLAND.dataCenters()).containsExactly(DataCenter.CH1);
    assertThat(Region.SINGAPORE.dataCenters()).extracting(d -> d.baseUri().toString())
        .containsExactly("https://faxws.sg1.retarus.com/rest/v1");
  }

  @Test
  void regionNamesParseCaseInsensitivelyWithAHelpfulError() {
    assertThat(Region.parse(" europe ")).isEqualTo(Region.EUROPE);
    assertThatThrownBy(() -> Region.parse("ASIA")).hasMessageContaining("SINGAPORE");
  }

  @Test
  void statusesAreOpenValues() {
    assertThat(FaxStatus.of("OK")).isSameAs(FaxStatus.OK);
    assertThat(FaxStatus.of("NOFAX_TO")).isSameAs(FaxStatus.NOFAX_TO);
    FaxStatus unknown = FaxStatus.of("SOMETHING_NEW");
    assertThat(unknown.code()).isEqualTo("SOMETHING_NEW");
    assertThat(unknown.isKnown()).isFalse();
    assertThat(DeletionReason.of("NOT_FOUND")).isSameAs(DeletionReason.NOT_FOUND);
    assertThat(DeletionReason.of("QUOTA").code()).isEqualTo("QUOTA");
  }

  @Test
  void absentPagesAndSendTimesAreNotZero() {
    FaxReport withoutPages = new FaxReport("J", List.of(), null, null);
    FaxReport withZero = new FaxReport("J", List.of(), 0, null);
    assertThat(withoutPages.pageCount()).isEmpty();
    assertThat(withZero.pageCount()).hasValue(0);
    assertThat(withoutPages).isNotEqualTo(withZero);

    RecipientStatus unsent = RecipientStatus.of("+1", FaxStatus.BUSY, null);
    assertThat(unsent.sentAt()).isEmpty();
    assertThat(RecipientStatus.of("+1", FaxStatus.OK, Instant.EPOCH).sentAt()).contains(Instant.EPOCH);
  }

  @Test
  void nullListsBecomeEmptyAndRecordsAreImmutable() {
    var status = new RecipientStatus("+1", null, FaxStatus.OK, "OK", null, 3, null, null);
    assertThat(status.properties()).isEmpty();
    FaxReport report = new FaxReport("J", null, 1, null);
    assertThat(report.recipientStatus()).isEmpty();
    assertThatThrownBy(() -> report.recipientStatus().add(status))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void deletionResultsAreConsistent() {
    assertThat(DeletionResult.deleted("J").reasonIfFailed()).isEmpty();
    assertThat(DeletionResult.notFound("J").isGone()).isTrue();
    assertThat(new DeletionResult("J", false, null).reason()).isEqualTo(DeletionReason.INTERNAL_ERROR);
    assertThatThrownBy(() -> new DeletionResult("J", true, DeletionReason.NOT_FOUND))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void dataCentersNormaliseAndCheckTheirUrl() {
    DataCenter local = DataCenter.of("http://127.0.0.1:8080/rest/v1/");
    assertThat(local.baseUri().toString()).isEqualTo("http://127.0.0.1:8080/rest/v1");
    assertThat(local.name()).isEqualTo("127.0.0.1:8080");
    assertThat(local.isLoopback()).isTrue();
    assertThat(DataCenter.DE1.isLoopback()).isFalse();
    assertThat(DataCenter.of("http://[::1]:9/x").isLoopback()).isTrue();
    assertThat(DataCenter.of("http://127.0.0.1.nip.io/x").isLoopback()).isFalse();
    assertThatThrownBy(() -> DataCenter.of("https://u:p@host/x")).hasMessageContaining("credentials");
  }

  @Test
  void endpointsCanBeNamedAndRetarusUrlsNameThemselves() {
    assertThat(DataCenter.of("DE1=http://127.0.0.1:8080/rest/v1")).isEqualTo(
        new DataCenter("DE1", URI.create("http://127.0.0.1:8080/rest/v1")));
    assertThat(DataCenter.of("https://faxws.us2.retarus.com/rest/v1/")).isSameAs(DataCenter.US2);
    assertThat(DataCenter.of("https://proxy.example:8443/fax").name()).isEqualTo("proxy.example:8443");
    assertThatThrownBy(() -> DataCenter.of("DE1=")).isInstanceOf(IllegalArgumentException.class);
  }
}
