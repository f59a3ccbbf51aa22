package dev.faxreports.testkit;

import dev.faxreports.model.CoverPageProperty;
import dev.faxreports.model.FaxReport;
import dev.faxreports.model.FaxStatus;
import dev.faxreports.model.RecipientStatus;
import dev.faxreports.model.Reference;
import dev.faxreports.wire.WireFormat;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Realistic reports for seeding: Retarus-like job IDs, a mix of statuses, several recipients,
 * cover-page data and references now and then. Deterministic for a given seed.
 */
public final class SampleReports {

  private static final FaxStatus[] STATUSES = {
    FaxStatus.OK, FaxStatus.OK, FaxStatus.OK, FaxStatus.OK, FaxStatus.OK, FaxStatus.OK,
    FaxStatus.BUSY, FaxStatus.NOFAX, FaxStatus.NOFAX_DIS, FaxStatus.NOFAX_TO, FaxStatus.RING_TO
  };

  private SampleReports() {}

  /** One simple delivered report with this ID, sent at {@code sentTs}. */
  public static FaxReport delivered(String jobId, Instant sentTs) {
    return new FaxReport(jobId, List.of(new RecipientStatus("+4989123456789", List.of(), FaxStatus.OK,
        "OK", sentTs, 19, "004989123456789", "+49/89/123456-789")), 1, null);
  }

  /**
   * A report whose JSON stretches every rule of the tolerant reader — fields this library does not
   * know (nested and at every level), {@code null} and blank values, a number where text belongs,
   * text where a number belongs, an unreadable {@code sentTs}, non-ASCII text, the server's own
   * spacing — carried as its {@link FaxReport#originalJson()}. A fake serves these bytes as they
   * are, so a test can check that what its archive stored equals what the server sent.
   */
  public static FaxReport unusualJson(String jobId) {
    if (jobId.contains("\"") || jobId.contains("\\")) {
      throw new IllegalArgumentException("keep the job ID plain: " + jobId);
    }
    return WireFormat.readReport((
        "{ \"jobId\" : \"" + jobId + "\", \"futureField\": {\"deep\": [1, null, 2.50, {\"x\": false}]},"
        + "\"alternativeNumbers\":[\"+41 1\",\"+41 2\"],\"pages\":null,"
        + "\"recipientStatus\":[{\"number\":\"+4989\",\"status\":\"\",\"reason\":null,"
        + "\"durationInSecs\":null,\"sentTs\":\"yesterday\",\"properties\":null,\"extra\":true},"
        + "{\"number\":4912345,\"status\":\"OK\",\"durationInSecs\":\"7\","
        + "\"sentTs\":\"2026-11-01T10:00:00.123+01:00\",\"properties\":[{\"key\":\"k\",\"value\":1.0}]}],"
        + "\"reference\":{\"customerDefinedId\":\"Grüße ✓ \\u00e9\",\"billingCode\":\"\",\"unknownRef\":[]}}")
        .getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Reports no SQL table takes as they are, each carrying the bytes a server could send — for a
   * sink's test that every report served is kept (typed, or as its bytes with a reason) and that one
   * never holds up the others. By what is odd about them, in this order:
   *
   * <ul>
   *   <li>{@code "lone surrogate U+D800"}, {@code "lone surrogate U+DBFF"}: job IDs of {@code prefix},
   *       a K and a lone UTF-16 surrogate (a JSON escape): two IDs at the service that written as
   *       UTF-8 text would both be {@code prefix + "K?"}
   *   <li>{@code "NUL in the job ID"}: escaped in the JSON; no SQL text holds one
   *   <li>{@code "3000-character job ID"}: random letters and digits, more than a B-tree index entry
   *       takes
   *   <li>{@code "overlong UTF-8"}: a {@code /} spelled as the two bytes C0 AF in the reference, which
   *       the reader decodes leniently and a strict UTF-8 check refuses
   *   <li>{@code "sentTs in year -5000"}: before any SQL timestamp's range
   *   <li>{@code "nested 30000 deep"}: an unknown field of arrays nested 30,000 deep, past what a
   *       recursive JSON parser's stack takes
   * </ul>
   */
  public static Map<String, FaxReport> hostileJson(String prefix) {
    if (prefix.contains("\"") || prefix.contains("\\")) {
      throw new IllegalArgumentException("keep the prefix plain: " + prefix);
    }
    Map<String, FaxReport> reports = new LinkedHashMap<>();
    reports.put("lone surrogate U+D800", hostile(prefix + "K\\ud800", null, "", null));
    reports.put("lone surrogate U+DBFF", hostile(prefix + "K\\udbff", null, "", null));
    reports.put("NUL in the job ID", hostile(prefix + "N\\u0000UL", null, "", null));
    Random random = new Random(3_000);
    StringBuilder longId = new StringBuilder(prefix);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    for (int i = 0; i < 3_000; i++) {
      longId.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    reports.put("3000-character job ID", hostile(longId.toString(), null, "", null));
    reports.put("overlong UTF-8", hostile(prefix + "overlong", null, "a\u00c0\u00afb", null));
    reports.put("sentTs in year -5000", hostile(prefix + "ancient", "-5000-01-01T00:00:00Z", "", null));
    reports.put("nested 30000 deep", hostile(prefix + "deep", null, "", "[".repeat(30_000) + "]".repeat(30_000)));
    return reports;
  }

  /**
   * One recipient, sent at {@code sentTs} (or in 2026); a customer reference whose chars, all below
   * U+0100, are its bytes (so that it can hold what is no UTF-8); an unknown field {@code
   * futureField} with {@code unknown} as its value, if not null.
   */
  private static FaxReport hostile(String jobIdJson, String sentTs, String referenceBytes, String unknown) {
    ByteArrayOutputStream json = new ByteArrayOutputStream();
    json.writeBytes(("{\"jobId\":\"" + jobIdJson + "\",\"recipientStatus\":[{\"number\":\"+4989123\","
        + "\"status\":\"OK\",\"reason\":\"OK\",\"sentTs\":\"" + (sentTs == null ? "2026-11-01T10:00:00Z" : sentTs)
        + "\",\"durationInSecs\":12}],\"pages\":2,\"reference\":{\"customerDefinedId\":\"")
        .getBytes(StandardCharsets.UTF_8));
    referenceBytes.chars().forEach(json::write);
    json.writeBytes(("\"}" + (unknown == null ? "" : ",\"futureField\":" + unknown) + "}")
        .getBytes(StandardCharsets.UTF_8));
    return WireFormat.readReport(json.toByteArray());
  }

  /**
   * {@code count} varied reports whose IDs start with {@code prefix} (letters and digits), sent
   * one second apart from {@code start}.
   */
  public static List<FaxReport> generate(String prefix, int count, Instant start, long seed) {
    Random random = new Random(seed);
    List<FaxReport> reports = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      reports.add(generateOne(String.format("%s%08d", prefix, i), start.plusSeconds(i), random));
    }
    return reports;
  }

  private static FaxReport generateOne(String jobId, Instant sentTs, Random random) {
    int recipients = random.nextInt(10) == 0 ? 2 + random.nextInt(3) : 1;
    List<RecipientStatus> statuses = new ArrayList<>(recipients);
    for (int r = 0; r < recipients; r++) {
      FaxStatus status = STATUSES[random.nextInt(STATUSES.length)];
      boolean sent = status.isDelivered();
      String number = "+49" + (100_000_000L + random.nextInt(900_000_000));
      List<CoverPageProperty> properties = random.nextInt(4) == 0
          ? List.of(new CoverPageProperty("name", "Recipient " + r), new CoverPageProperty("dept", "D" + random.nextInt(50)))
          : List.of();
      statuses.add(new RecipientStatus(number, properties, status, status.code(),
          sent ? sentTs.plusSeconds(r) : null, sent ? 10 + random.nextInt(200) : 0,
          sent ? "00" + number.substring(1) : null, sent ? "Fax " + random.nextInt(1000) : null));
    }
    Reference reference = random.nextInt(3) == 0 ? null : new Reference(
        sentTs + "_customerDefinedId", "CC-" + random.nextInt(100), "invoice " + random.nextInt(10_000));
    return new FaxReport(jobId, statuses, 1 + random.nextInt(20), reference);
  }
}
