package dev.faxreports.jdbc;

import dev.faxreports.DrainPage;
import dev.faxreports.model.FaxReport;
import dev.faxreports.model.RecipientStatus;
import dev.faxreports.wire.WireFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A page sorted before anything is written: the reports the typed tables take, and those they
 * cannot — each with the reason, to be kept byte for byte in {@code fax_reports_rejected}. Checks
 * here are cheap and per report, so that a report the database would refuse never fails its page
 * (the store still finds one these checks miss, by the database's own error: see {@link
 * JdbcReportStore}).
 *
 * <p>A report is refused when its job ID is not text a database keeps as it is — a lone UTF-16
 * surrogate has no UTF-8 form and would be written as {@code ?}, making two IDs that differ in one
 * (U+D800 and U+DBFF after a K, say) the same key; a NUL neither database keeps — or is longer than
 * the dialect's index takes; when
 * its bytes are not UTF-8 text without NUL nested at most {@link JsonBytes#MAX_DEPTH} deep; or when
 * a {@code sentTs} is outside the dialect's timestamp range.
 */
final class Triage {

  /** What the page became: typed rows (distinct job IDs), and reports refused. */
  record Sorted(List<ReportRow> typed, List<RejectedRow> rejected) {}

  private Triage() {}

  /**
   * Sorts {@code page}; a job ID twice in it counts as its last occurrence. Without {@code check},
   * every report is a typed row (for tests of what the database refuses by itself).
   */
  static Sorted of(DrainPage page, Dialect dialect, boolean check) {
    Map<String, FaxReport> byJobId = new LinkedHashMap<>();
    for (FaxReport report : page.reports()) {
      byJobId.remove(report.jobId()); // its place is its last occurrence's
      byJobId.put(report.jobId(), report);
    }
    String dataCenter = page.dataCenter().name();
    List<ReportRow> typed = new ArrayList<>(byJobId.size());
    List<RejectedRow> rejected = new ArrayList<>(0);
    for (FaxReport report : byJobId.values()) {
      byte[] json = report.originalJson() != null ? report.originalJson().bytes() : WireFormat.writeReport(report);
      String problem = check ? problem(report, json, dialect) : null;
      if (problem == null) {
        typed.add(ReportRow.of(dataCenter, report, json));
      } else {
        rejected.add(new RejectedRow(dataCenter, keptAsText(report.jobId()) ? report.jobId() : null, problem, json));
      }
    }
    return new Sorted(typed, rejected);
  }

  private static String problem(FaxReport report, byte[] json, Dialect dialect) {
    String problem = jobIdProblem(report.jobId(), dialect);
    if (problem == null) {
      problem = JsonBytes.problem(json);
    }
    List<RecipientStatus> recipients = report.recipientStatus();
    for (int i = 0; problem == null && i < recipients.size(); i++) {
      Instant sent = recipients.get(i).sentTs();
      if (sent != null && !dialect.holds(sent)) {
        problem = "its recipientStatus[" + i + "].sentTs " + sent + " is outside " + dialect.name()
            + "'s timestamp range";
      }
    }
    return problem;
  }

  /** Why {@code jobId} cannot be a key in {@code dialect}'s tables, or null. */
  static String jobIdProblem(String jobId, Dialect dialect) {
    long bytes = 0;
    for (int i = 0; i < jobId.length(); i++) {
      char c = jobId.charAt(i);
      if (c == '\0') {
        return "its job ID holds a NUL character (at index " + i + "), which neither database keeps in text";
      }
      if (Character.isHighSurrogate(c) && i + 1 < jobId.length() && Character.isLowSurrogate(jobId.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else if (Character.isSurrogate(c)) {
        return String.format("its job ID is not Unicode text: a lone surrogate U+%04X (at index %d) has no"
            + " UTF-8 form, and written as text it would be another job's ID", (int) c, i);
      } else {
        bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
      }
    }
    if (bytes > dialect.maxJobIdBytes()) {
      return "its job ID is " + bytes + " bytes long in UTF-8, more than the " + dialect.maxJobIdBytes()
          + " a key in " + dialect.name() + " takes";
    }
    return null;
  }

  /** Whether a database keeps {@code jobId} as text, unchanged: no NUL, no lone surrogate. */
  static boolean keptAsText(String jobId) {
    for (int i = 0; i < jobId.length(); i++) {
      char c = jobId.charAt(i);
      if (c == '\0') {
        return false;
      }
      if (Character.isHighSurrogate(c) && i + 1 < jobId.length() && Character.isLowSurrogate(jobId.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }
}
