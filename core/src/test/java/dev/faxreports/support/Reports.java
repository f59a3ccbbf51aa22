package dev.faxreports.support;

import dev.faxreports.model.FaxReport;
import dev.faxreports.model.FaxStatus;
import dev.faxreports.model.RecipientStatus;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

/** Test data: reports with predictable IDs and send times. */
public final class Reports {
  private Reports() {}

  public static final Instant EPOCH = Instant.parse("2026-11-01T00:00:00Z");

  public static FaxReport report(String jobId, Instant sentTs) {
    return new FaxReport(jobId, List.of(RecipientStatus.of("+4989123", FaxStatus.OK, sentTs)), 1, null);
  }

  /** {@code count} reports named {@code prefix-0…}, one second apart from {@code start}. */
  public static List<FaxReport> many(String prefix, int count, Instant start) {
    return IntStream.range(0, count)
        .mapToObj(i -> report(prefix + "-" + i, start.plusSeconds(i)))
        .toList();
  }

  public static List<String> ids(List<FaxReport> reports) {
    return reports.stream().map(FaxReport::jobId).toList();
  }
}
