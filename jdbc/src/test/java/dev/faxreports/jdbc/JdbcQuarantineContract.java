package dev.faxreports.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faxreports.DrainPage;
import dev.faxreports.model.DataCenter;
import dev.faxreports.model.FaxReport;
import dev.faxreports.model.FaxStatus;
import dev.faxreports.model.OriginalJson;
import dev.faxreports.model.RecipientStatus;
import dev.faxreports.testkit.SampleReports;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * "Every report served is kept", on a real database: a report the typed tables cannot take is
 * kept byte for byte, with its data center and the reason, in {@code fax_reports_rejected} — in the
 * transaction of its page, whose other reports are stored typed — and two job IDs that differ at
 * the service never become one key. Each test ends with the invariant checked over everything it
 * handed to the store.
 */
abstract class JdbcQuarantineContract {

  /** A database (or file) nobody has used yet. */
  abstract JdbcSettings freshDatabase();

  /** Whether the database is PostgreSQL (else SQLite), for what differs: ID length, timestamp range. */
  abstract boolean postgresql();

  /** What is in the database: typed rows by job ID, and quarantined rows. */
  record Kept(Map<String, Stored.Report> typed, List<Stored.Rejected> rejected) {

    static Kept in(JdbcSettings settings) {
      return new Kept(Stored.reports(settings), Stored.rejected(settings));
    }

    /** The quarantined row of these bytes from this data center, or null. */
    Stored.Rejected rejected(String dataCenter, byte[] bytes) {
      return rejected.stream().filter(row -> row.dataCenter().equals(dataCenter) && java.util.Arrays.equals(
          row.bytes(), bytes)).findFirst().orElse(null);
    }
  }

  /**
   * The invariant: every report handed over (each page's last occurrence of a job ID) is in the
   * database exactly as the server sent it — typed in {@code fax_reports}, or byte for byte with a
   * reason in {@code fax_reports_rejected} — and the typed ones are those of {@code typed} from the
   * data center that stored them first. Quarantined rows are keyed by data center and SHA-256, and
   * hold the job ID where it is text; nothing else is in either table.
   */
  static Kept assertEveryReportKept(JdbcSettings settings, List<DrainPage> pages, Set<String> typed) {
    Kept kept = Kept.in(settings);
    Map<String, String> typedFrom = new HashMap<>();
    Set<String> quarantined = new java.util.HashSet<>();
    for (DrainPage page : pages) {
      String dataCenter = page.dataCenter().name();
      for (FaxReport report : page.reports()) {
        byte[] bytes = report.originalJson().bytes();
        Stored.Report row = kept.typed().get(report.jobId());
        typedFrom.putIfAbsent(report.jobId(), dataCenter);
        if (typed.contains(report.jobId()) && typedFrom.get(report.jobId()).equals(dataCenter)) {
          assertThat(row).as("%s from %s is typed", printable(report.jobId()), dataCenter).isNotNull();
          assertThat(row.json()).as("%s, byte for byte", printable(report.jobId())).isEqualTo(bytes);
          assertThat(row.dataCenter()).isEqualTo(dataCenter);
        } else {
          Stored.Rejected rejected = kept.rejected(dataCenter, bytes);
          assertThat(rejected).as("%s from %s is kept as its bytes", printable(report.jobId()), dataCenter).isNotNull();
          assertThat(rejected.reason()).isNotBlank();
          assertThat(rejected.sha256()).isEqualTo(sha256(bytes));
          assertThat(rejected.jobId()).isEqualTo(Triage.keptAsText(report.jobId()) ? report.jobId() : null);
          quarantined.add(dataCenter + "/" + HexFormat.of().formatHex(sha256(bytes)));
        }
      }
    }
    assertThat(kept.typed().keySet()).as("typed rows").containsExactlyInAnyOrderElementsOf(typed);
    assertThat(kept.rejected()).as("quarantined rows").hasSize(quarantined.size());
    return kept;
  }

  static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A job ID fit for an assertion message: escapes for what is not printable, the first 40 chars. */
  static String printable(String jobId) {
    StringBuilder text = new StringBuilder();
    jobId.chars().limit(40).forEach(c -> text.append(c < 0x20 || Character.isSurrogate((char) c)
        ? String.format("\\u%04x", c) : String.valueOf((char) c)));
    return jobId.length() > 40 ? text + "…(" + jobId.length() + ")" : text.toString();
  }

  static Set<String> jobIds(List<FaxReport> reports) {
    return reports.stream().map(FaxReport::jobId).collect(Collectors.toSet());
  }

  /** Issue 24's reproduction: {@code K} and a lone surrogate, on two pages; written as text both were {@code K?}. */
  @Test
  void twoJobIdsThatDifferOnlyInALoneSurrogateAreNeverOneKey() {
    JdbcSettings settings = freshDatabase();
    Map<String, FaxReport> hostile = SampleReports.hostileJson("");
    List<FaxReport> first = new ArrayList<>(Reports.sample("A", 20));
    first.add(hostile.get("lone surrogate U+D800"));
    List<FaxReport> second = new ArrayList<>(Reports.sample("B", 20));
    second.add(hostile.get("lone surrogate U+DBFF"));
    assertThat(first.get(20).jobId()).isEqualTo("K\ud800");
    assertThat(second.get(20).jobId()).isEqualTo("K\udbff");

    try (JdbcReportStore store = JdbcReportStore.open(settings)) {
      assertThat(store.store(Reports.page(first))).isEqualTo(new StoredPage(20, 1));
      assertThat(store.store(Reports.page(second))).isEqualTo(new StoredPage(20, 1));
      assertThat(store.store(Reports.page(second))).as("delivered again").isEqualTo(new StoredPage(20, 1));
      assertThat(store.countReports()).isEqualTo(40);
      assertThat(store.countQuarantined()).isEqualTo(2);
    }

    Set<String> typed = jobIds(Reports.sample("A", 20));
    typed.addAll(jobIds(Reports.sample("B", 20)));
    Kept kept = assertEveryReportKept(settings, List.of(Reports.page(first), Reports.page(second)), typed);
    assertThat(kept.rejected()).extracting(Stored.Rejected::jobId).containsOnlyNulls();
    assertThat(kept.rejected()).extracting(Stored.Rejected::reason)
        .allSatisfy(reason -> assertThat(reason).contains("lone surrogate").contains("no UTF-8 form"));
    assertThat(Stored.count(settings, "SELECT count(*) FROM fax_reports WHERE job_id LIKE 'K%'")).isZero();
  }

  @Test
  void everyReportOfAPageIsKeptTypedOrAsItsBytesAndTheGoodOnesAreTyped() {
    JdbcSettings settings = freshDatabase();
    Map<String, FaxReport> hostile = SampleReports.hostileJson("H-");
    List<FaxReport> good = Reports.sample("G", 300);
    List<FaxReport> page = new ArrayList<>(good);
    // the hostile ones spread over the page, with a report whose bytes hold a NUL (no server's JSON does)
    int at = 0;
    for (FaxReport report : hostile.values()) {
      page.add(at, report);
      at += 41;
    }
    page.add(150, nulByte("H-nul-byte"));

    StoredPage stored;
    try (JdbcReportStore store = JdbcReportStore.open(settings)) {
      stored = store.store(Reports.page(DataCenter.DE2, page));
    }

    Set<String> typed = jobIds(good);
    if (!postgresql()) { // text timestamps and keys of any length: SQLite takes these two as rows
      typed.add(hostile.get("3000-character job ID").jobId());
      typed.add(hostile.get("sentTs in year -5000").jobId());
    }
    assertThat(stored).isEqualTo(new StoredPage(typed.size(), page.size() - typed.size()));
    Kept kept = assertEveryReportKept(settings, List.of(Reports.page(DataCenter.DE2, page)), typed);
    JdbcStoreContract.assertStoredExactly(settings, DataCenter.DE2, page.stream()
        .filter(report -> typed.contains(report.jobId())).toList());
    Map<String, String> reasons = new HashMap<>();
    hostile.forEach((what, report) -> {
      Stored.Rejected row = kept.rejected("DE2", report.originalJson().bytes());
      reasons.put(what, row == null ? "typed" : row.reason());
    });
    reasons.put("NUL byte", kept.rejected("DE2", page.get(150).originalJson().bytes()).reason());
    assertThat(reasons.get("lone surrogate U+D800")).contains("lone surrogate U+D800 (at index 3)");
    assertThat(reasons.get("NUL in the job ID")).contains("NUL character");
    assertThat(reasons.get("overlong UTF-8")).contains("not well-formed UTF-8");
    assertThat(reasons.get("nested 30000 deep")).contains("more than 1000 levels deep");
    assertThat(reasons.get("NUL byte")).contains("NUL byte");
    if (postgresql()) {
      assertThat(reasons.get("3000-character job ID")).contains("3002 bytes long");
      assertThat(reasons.get("sentTs in year -5000")).contains("-5000-01-01T00:00:00Z is outside PostgreSQL's");
    }
    assertThat(Stored.count(settings, "SELECT count(DISTINCT stored_at) FROM fax_reports_rejected"))
        .as("one transaction").isEqualTo(1);
  }

  /** A report whose bytes hold a NUL: built in code, since no JSON reader takes one. */
  static FaxReport nulByte(String jobId) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes(("{\"jobId\":\"" + jobId + "\",\"note\":\"a").getBytes(StandardCharsets.UTF_8));
    bytes.write(0);
    bytes.writeBytes("b\"}".getBytes(StandardCharsets.UTF_8));
    return FaxReport.of(jobId).withOriginalJson(OriginalJson.of(bytes.toByteArray()));
  }

  @Test
  void whatIsTypedStaysQueryableAsJsonUpToTheDepthLimit() {
    JdbcSettings settings = freshDatabase();
    String deepest = "[".repeat(JsonBytes.MAX_DEPTH - 1) + "]".repeat(JsonBytes.MAX_DEPTH - 1);
    String tooDeep = "[" + deepest + "]";
    List<FaxReport> page = List.of(Reports.fromJson("{\"jobId\":\"deepest\",\"x\":" + deepest + "}"),
        Reports.fromJson("{\"jobId\":\"too-deep\",\"x\":" + tooDeep + "}"),
        Reports.fromJson("{\"jobId\":\"brackets-in-text\",\"x\":\"" + "[".repeat(2_000) + "\\\"[\\\\\"}"));

    try (JdbcReportStore store = JdbcReportStore.open(settings)) {
      assertThat(store.store(Reports.page(page))).isEqualTo(new StoredPage(2, 1));
    }

    assertEveryReportKept(settings, List.of(Reports.page(page)), Set.of("deepest", "brackets-in-text"));
    String jobIdFromJson = postgresql() ? "report_json ->> 'jobId'" : "json_extract(report_json, '$.jobId')";
    assertThat(Stored.count(settings, "SELECT count(*) FROM fax_reports WHERE " + jobIdFromJson + " = job_id"))
        .as("every typed row read as JSON by the database's own functions").isEqualTo(2);
  }

  @Test
  void theSameJobIdFromAnotherDataCenterOverwritesNothing() {
    JdbcSettings settings = freshDatabase();
    FaxReport de1 = Reports.fromJson("{\"jobId\":\"TWIN\",\"recipientStatus\":[{\"number\":\"+1\",\"status\":\"OK\"},"
        + "{\"number\":\"+2\",\"status\":\"BUSY\"}],\"from\":\"DE1\"}");
    FaxReport de2 = Reports.fromJson("{\"jobId\":\"TWIN\",\"recipientStatus\":[{\"number\":\"+9\",\"status\":\"NOFAX\"}],"
        + "\"from\":\"DE2\"}");
    FaxReport de1Later = Reports.fromJson("{\"jobId\":\"TWIN\",\"recipientStatus\":[{\"number\":\"+1\",\"status\":\"OK\"}],"
        + "\"from\":\"DE1\",\"later\":true}");
    List<FaxReport> others = Reports.sample("E", 10);
    List<FaxReport> second = new ArrayList<>(others);
    second.add(5, de2);
    DrainPage fromDe1 = new DrainPage(DataCenter.DE1, List.of(de1), 1);
    DrainPage fromDe2 = new DrainPage(DataCenter.DE2, second, 1);

    try (JdbcReportStore store = JdbcReportStore.open(settings)) {
      assertThat(store.store(fromDe1)).isEqualTo(new StoredPage(1, 0));
      assertThat(store.store(fromDe2)).isEqualTo(new StoredPage(10, 1));
      assertThat(store.store(fromDe2)).as("delivered again: the same row").isEqualTo(new StoredPage(10, 1));
      assertThat(store.countQuarantined()).isEqualTo(1);
    }

    Set<String> typed = jobIds(others);
    typed.add("TWIN");
    Kept kept = assertEveryReportKept(settings, List.of(fromDe1, fromDe2), typed);
    assertThat(kept.typed().get("TWIN").json()).isEqualTo(de1.originalJson().bytes());
    Stored.Rejected twin = kept.rejected("DE2", de2.originalJson().bytes());
    assertThat(twin.jobId()).isEqualTo("TWIN");
    assertThat(twin.reason()).contains("already stored from DE1");
    assertThat(Stored.recipients(settings)).filteredOn(r -> r.jobId().equals("TWIN"))
        .extracting(Stored.Recipient::number).containsExactly("+1", "+2");

    try (JdbcReportStore store = JdbcReportStore.open(settings)) { // its own data center updates it as ever
      assertThat(store.store(new DrainPage(DataCenter.DE1, List.of(de1Later), 2))).isEqualTo(new StoredPage(1, 0));
    }
    assertThat(Stored.reports(settings).get("TWIN").json()).isEqualTo(de1Later.originalJson().bytes());
    assertThat(Stored.recipients(settings)).filteredOn(r -> r.jobId().equals("TWIN"))
        .extracting(Stored.Recipient::number).containsExactly("+1");
  }

  /** A constraint of the user's that the checks cannot know: the database's own refusal finds the report. */
  @Test
  void aReportTheDatabaseRefusesIsFoundByItsErrorAndTheRestOfItsPageStored() {
    JdbcSettings settings = freshDatabase();
    List<FaxReport> first = Reports.sample("U", 50);
    try (JdbcReportStore store = JdbcReportStore.open(settings)) {
      store.store(Reports.page(first));
      Stored.execute(settings, "CREATE UNIQUE INDEX one_report_per_reference ON fax_reports (customer_defined_id)");

      // Three reports whose reference another has: one stored before, two on this very page.
      List<FaxReport> page = new ArrayList<>(later("V", 300));
      String taken = first.stream().filter(r -> r.reference() != null).findFirst().orElseThrow().reference()
          .customerDefinedId();
      List<String> alsoTaken = page.stream().filter(r -> r.reference() != null).limit(2)
          .map(r -> r.reference().customerDefinedId()).toList();
      List<FaxReport> duplicates = List.of(withReference("dup-of-stored", taken),
          withReference("dup-on-page-1", alsoTaken.get(0)), withReference("dup-on-page-2", alsoTaken.get(1)));
      page.add(17, duplicates.get(0));
      page.add(250, duplicates.get(1));
      page.add(duplicates.get(2));

      assertThat(store.store(Reports.page(page))).isEqualTo(new StoredPage(300, 3));

      Set<String> typed = jobIds(first);
      typed.addAll(jobIds(later("V", 300)));
      Kept kept = assertEveryReportKept(settings, List.of(Reports.page(first), Reports.page(page)), typed);
      assertThat(kept.rejected()).extracting(Stored.Rejected::jobId)
          .containsExactlyInAnyOrder("dup-of-stored", "dup-on-page-1", "dup-on-page-2");
      assertThat(kept.rejected()).extracting(Stored.Rejected::reason).allSatisfy(reason -> assertThat(reason)
          .contains("the database refused it").containsIgnoringCase("unique")
          .containsAnyOf("one_report_per_reference", "customer_defined_id"));
      List<FaxReport> all = new ArrayList<>(first);
      all.addAll(later("V", 300));
      JdbcStoreContract.assertStoredExactly(settings, DataCenter.DE1, all);
    }
  }

  /** Samples sent a day after {@link Reports#sample}'s: references (made of the time) of their own. */
  private static List<FaxReport> later(String prefix, int count) {
    return Reports.fromWire(SampleReports.generate(prefix, count, Reports.START.plusSeconds(86_400), 7));
  }

  private static FaxReport withReference(String jobId, String customerDefinedId) {
    return Reports.fromJson("{\"jobId\":\"" + jobId + "\",\"recipientStatus\":[{\"number\":\"+1\",\"status\":\"OK\"}],"
        + "\"reference\":{\"customerDefinedId\":\"" + customerDefinedId + "\"}}");
  }

  /** A trigger that raises is the database's failure, not the data's: the page fails whole, as before. */
  @Test
  void aFailureOfTheDatabasesOwnStillFailsThePageAndQuarantinesNothing() {
    JdbcSettings settings = freshDatabase();
    try (JdbcReportStore store = JdbcReportStore.open(settings)) {
      failEveryInsertOfRejected(settings);
      List<FaxReport> page = new ArrayList<>(Reports.sample("R", 10));
      page.add(SampleReports.hostileJson("R-").get("overlong UTF-8"));

      assertThatThrownBy(() -> store.store(Reports.page(page)))
          .isInstanceOf(ReportStoreException.class)
          .hasMessageContaining("could not store 11 reports from DE1")
          .hasMessageContaining("nothing of the page was stored");
      assertThat(store.countReports()).isZero();
      assertThat(store.countQuarantined()).isZero();
    }
  }

  /** Makes the database fail any insert into the quarantine, as a trigger that raises does. */
  abstract void failEveryInsertOfRejected(JdbcSettings settings);

  @Test
  void aReportRedeliveredAfterItsQuarantineIsOneRowWithTheNewTime() {
    JdbcSettings settings = freshDatabase();
    FaxReport overlong = SampleReports.hostileJson("T-").get("overlong UTF-8");
    try (JdbcReportStore store = JdbcReportStore.open(settings)) {
      store.store(Reports.page(List.of(overlong)));
      Instant first = Stored.rejected(settings).get(0).storedAt();
      store.store(new DrainPage(DataCenter.DE1, List.of(overlong), 2));
      store.store(new DrainPage(DataCenter.DE2, List.of(overlong), 1)); // from elsewhere: a report of its own
      assertThat(store.countQuarantined()).isEqualTo(2);
      assertThat(kept(settings, "DE1").storedAt()).isAfterOrEqualTo(first);
    }
  }

  private static Stored.Rejected kept(JdbcSettings settings, String dataCenter) {
    return Stored.rejected(settings).stream().filter(row -> row.dataCenter().equals(dataCenter)).findFirst().orElseThrow();
  }

  @Test
  void typedTextKeepsNoLoneSurrogateOrNulButReportJsonKeepsTheEscapes() {
    JdbcSettings settings = freshDatabase();
    FaxReport report = Reports.fromJson("{\"jobId\":\"S\",\"reference\":{\"customerDefinedId\":\"a\\ud800b\\u0000c\","
        + "\"billingCode\":\"\\ud83d\\ude00\"},\"recipientStatus\":[{\"number\":\"\\udc00\",\"status\":\"OK\","
        + "\"properties\":[{\"key\":\"k\\udbff\",\"value\":\"v\"}]}]}");
    try (JdbcReportStore store = JdbcReportStore.open(settings)) {
      assertThat(store.store(Reports.page(List.of(report)))).isEqualTo(new StoredPage(1, 0));
    }
    Stored.Report row = Stored.reports(settings).get("S");
    assertThat(row.customerDefinedId()).isEqualTo("a\uFFFDb\uFFFDc");
    assertThat(row.billingCode()).isEqualTo("\ud83d\ude00");
    assertThat(row.json()).isEqualTo(report.originalJson().bytes());
    Stored.Recipient recipient = Stored.recipients(settings).get(0);
    assertThat(recipient.number()).isEqualTo("\uFFFD");
    assertThat(recipient.propertiesJson()).isEqualTo("[{\"key\":\"k\uFFFD\",\"value\":\"v\"}]");
  }

  @Test
  void aVersion1DatabaseIsUpgradedInPlaceAndKeepsItsReports() {
    JdbcSettings settings = freshDatabase();
    List<FaxReport> old = Reports.sample("V1-", 30);
    try (com.zaxxer.hikari.HikariDataSource version1 = version1(settings)) {
      try (java.sql.Connection connection = version1.getConnection()) {
        connection.setAutoCommit(false);
        // what a faxreports of schema version 1 wrote
        dialect(settings).write(connection,
            old.stream().map(r -> ReportRow.of("DE1", r, r.originalJson().bytes())).toList(), Instant.now());
        connection.commit();
      } catch (java.sql.SQLException e) {
        throw new IllegalStateException(e);
      }
    }
    assertThat(Stored.count(settings, "SELECT count(*) FROM " + Migrations.HISTORY_TABLE + " WHERE version = '2'"))
        .isZero();

    try (JdbcReportStore store = JdbcReportStore.open(settings)) {
      assertThat(store.countReports()).isEqualTo(30);
      assertThat(store.store(Reports.page(List.of(SampleReports.hostileJson("").get("NUL in the job ID")))))
          .isEqualTo(new StoredPage(0, 1));
    }
    JdbcStoreContract.assertStoredExactly(settings, DataCenter.DE1, old);
    assertThat(Stored.count(settings, "SELECT count(*) FROM " + Migrations.HISTORY_TABLE + " WHERE version = '2'"))
        .isEqualTo(1);
  }

  private static Dialect dialect(JdbcSettings settings) {
    return Dialect.of(settings);
  }

  /** The database migrated to version 1 only, as a faxreports before the quarantine left it. */
  private static com.zaxxer.hikari.HikariDataSource version1(JdbcSettings settings) {
    com.zaxxer.hikari.HikariConfig config = new com.zaxxer.hikari.HikariConfig();
    config.setJdbcUrl(settings.url());
    settings.username().ifPresent(config::setUsername);
    settings.password().ifPresent(config::setPassword);
    dialect(settings).configure(config);
    com.zaxxer.hikari.HikariDataSource dataSource = new com.zaxxer.hikari.HikariDataSource(config);
    org.flywaydb.core.Flyway.configure(Migrations.class.getClassLoader()).dataSource(dataSource)
        .locations(dialect(settings).migrations()).table(Migrations.HISTORY_TABLE).baselineOnMigrate(true)
        .baselineVersion("0").target("1").load().migrate();
    return dataSource;
  }

  /** Every SQL block of docs/database.md marked for this dialect runs, on a store with typed and quarantined reports. */
  @Test
  void theQueriesTheDocsShowRun() throws java.io.IOException {
    java.nio.file.Path page = java.nio.file.Path.of("..", "docs", "database.md");
    assertThat(page).exists();
    Matcher blocks = Pattern.compile("<!-- sql: (\\w+) -->\n```sql\n(.*?)```", Pattern.DOTALL)
        .matcher(java.nio.file.Files.readString(page));
    List<String> statements = new ArrayList<>();
    while (blocks.find()) {
      if (blocks.group(1).equals(postgresql() ? "postgresql" : "sqlite")) {
        for (String statement : blocks.group(2).split(";\\s*\n")) {
          if (!statement.isBlank()) {
            statements.add(statement.strip().replaceFirst(";$", ""));
          }
        }
      }
    }
    assertThat(statements).hasSizeGreaterThanOrEqualTo(3);
    JdbcSettings settings = freshDatabase();
    String deep = "[".repeat(JsonBytes.MAX_DEPTH + 1) + "]".repeat(JsonBytes.MAX_DEPTH + 1);
    try (JdbcReportStore store = JdbcReportStore.open(settings)) {
      List<FaxReport> page1 = new ArrayList<>(Reports.sample("D", 20));
      page1.add(Reports.fromJson("{\"jobId\":\"FJKY9S3UDN3JTPDFDRDLQ\",\"x\":" + deep + "}"));
      page1.add(SampleReports.hostileJson("D").get("overlong UTF-8"));
      assertThat(store.store(Reports.page(page1))).isEqualTo(new StoredPage(20, 2));
    }
    for (String statement : statements) {
      String first = Stored.text(settings, statement); // throws if it does not run
      if (statement.contains("fax_reports_rejected")) {
        assertThat(first).as(statement).isNotNull();
      }
    }
  }

  /** Random letters and digits: text that does not compress. */
  static String incompressible(int length, long seed) {
    Random random = new Random(seed);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return text.toString();
  }

  static FaxReport sentAt(String jobId, Instant sentTs) {
    return Reports.fromWire(List.of(FaxReport.of(jobId, RecipientStatus.of("+1", FaxStatus.OK, sentTs)))).get(0);
  }
}
