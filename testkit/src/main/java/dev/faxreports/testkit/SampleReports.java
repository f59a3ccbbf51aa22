package dev.faxreports.testkit;

import dev.faxreports.model.CoverPageProperty;
import dev.faxreports.model.FaxReport;
import dev.faxreports.model.FaxStatus;
import dev.faxreports.model.RecipientStatus;
import dev.faxreports.model.Reference;
import dev.faxreports.wire.WireFormat;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
