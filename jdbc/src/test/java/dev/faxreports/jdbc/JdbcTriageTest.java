package dev.faxreports.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faxreports.model.DataCenter;
import dev.faxreports.model.FaxReport;
import dev.faxreports.testkit.SampleReports;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The checks made before a page is written, without a database. */
class JdbcTriageTest {

  private static String problem(String json) {
    return JsonBytes.problem(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void depthCountsOnlyBracketsOutsideStrings() {
    String deepest = "[".repeat(JsonBytes.MAX_DEPTH) + "]".repeat(JsonBytes.MAX_DEPTH);
    assertThat(problem(deepest)).isNull();
    assertThat(problem("[" + deepest + "]")).contains("more than 1000 levels deep");
    assertThat(problem("{\"a\":\"" + "[{".repeat(5_000) + "\"}")).isNull();
    assertThat(problem("{\"a\":\"\\\"" + "[".repeat(5_000) + "\"}")).as("an escaped quote ends no string").isNull();
    assertThat(problem("{\"a\":\"\\\\\"," + "\"b\":" + "[".repeat(1_001) + "}"))
        .as("an escaped backslash escapes nothing after it").contains("levels deep");
    String wide = "[" + "[],".repeat(100_000) + "[]]";
    assertThat(problem(wide)).as("wide is not deep").isNull();
  }

  @Test
  void utf8AsTheStrictCheckAndNoNul() {
    assertThat(problem("{\"a\":\"ü € 😀 \\u0000\"}")).isNull();
    assertThat(JsonBytes.problem(new byte[] {'"', (byte) 0xc0, (byte) 0xaf, '"'})).contains("byte 1 is 0xC0");
    assertThat(JsonBytes.problem(new byte[] {'"', (byte) 0xed, (byte) 0xa0, (byte) 0x80, '"'}))
        .as("a surrogate's UTF-8 form").contains("not well-formed UTF-8");
    assertThat(JsonBytes.problem(new byte[] {'"', 'a', 0, '"'})).contains("NUL byte (byte 2)");
    assertThat(JsonBytes.problem(new byte[] {'"', '\\', 0, '"'})).as("escaped, still a NUL").contains("NUL byte");
    assertThat(JsonBytes.problem(new byte[] {'"', '\\', (byte) 0xff, '"'})).contains("not well-formed UTF-8");
  }

  @Test
  void jobIdsThatTextCannotHoldOrTheIndexCannotTake() {
    Dialect postgres = new PostgresDialect();
    Dialect sqlite = new SqliteDialect();
    assertThat(Triage.jobIdProblem("FJKY9S3UDN3JTPDFDRDLQ", postgres)).isNull();
    assertThat(Triage.jobIdProblem("K\ud800", postgres)).contains("lone surrogate U+D800 (at index 1)");
    assertThat(Triage.jobIdProblem("\udc00K", sqlite)).contains("lone surrogate U+DC00 (at index 0)");
    assertThat(Triage.jobIdProblem("K\ud800\ud800\udc00", sqlite)).contains("U+D800 (at index 1)");
    assertThat(Triage.jobIdProblem("😀".repeat(500), postgres)).as("2000 bytes").isNull();
    assertThat(Triage.jobIdProblem("😀".repeat(500) + "x", postgres)).contains("2001 bytes long");
    assertThat(Triage.jobIdProblem("€".repeat(667), postgres)).contains("2001 bytes long");
    assertThat(Triage.jobIdProblem("x".repeat(100_000), sqlite)).isNull();
    assertThat(Triage.jobIdProblem("a\0b", sqlite)).contains("NUL character (at index 1)");
    assertThat(Triage.keptAsText("K\ud800")).isFalse();
    assertThat(Triage.keptAsText("a\0b")).isFalse();
    assertThat(Triage.keptAsText("😀".repeat(2_000))).isTrue();
  }

  @Test
  void theHostileSamplesAreReadAsTheyAreMeant() {
    Map<String, FaxReport> hostile = SampleReports.hostileJson("X");
    assertThat(hostile.get("lone surrogate U+D800").jobId()).isEqualTo("XK\ud800");
    assertThat(hostile.get("lone surrogate U+DBFF").jobId()).isEqualTo("XK\udbff");
    assertThat(hostile.get("NUL in the job ID").jobId()).isEqualTo("XN\0UL");
    assertThat(hostile.get("3000-character job ID").jobId()).hasSize(3_001);
    assertThat(hostile.get("overlong UTF-8").reference().customerDefinedId()).as("decoded leniently").isEqualTo("a/b");
    assertThat(hostile.get("overlong UTF-8").originalJson().bytes()).containsSequence((byte) 0xc0, (byte) 0xaf);
    assertThat(hostile.get("sentTs in year -5000").recipientStatus().get(0).sentTs())
        .isEqualTo(Instant.parse("-5000-01-01T00:00:00Z"));
    assertThat(hostile.get("nested 30000 deep").originalJson().length()).isGreaterThan(60_000);

    Triage.Sorted sqlite = Triage.of(Reports.page(DataCenter.DE1, List.copyOf(hostile.values())), new SqliteDialect(),
        true);
    assertThat(sqlite.typed()).extracting(ReportRow::jobId).containsExactly(
        hostile.get("3000-character job ID").jobId(), "Xancient");
    assertThat(sqlite.rejected()).extracting(RejectedRow::jobId)
        .containsExactly(null, null, null, "Xoverlong", "Xdeep");
  }

  @Test
  void aJobTwiceOnAPageIsItsLastOccurrenceAtThatPlace() {
    List<FaxReport> reports = Reports.fromWire(List.of(FaxReport.of("a"), FaxReport.of("b"), FaxReport.of("a")));
    Triage.Sorted sorted = Triage.of(Reports.page(reports), new SqliteDialect(), true);
    assertThat(sorted.typed()).extracting(ReportRow::jobId).containsExactly("b", "a");
  }
}
