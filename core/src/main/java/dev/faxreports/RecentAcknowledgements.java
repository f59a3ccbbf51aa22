package dev.faxreports;

import dev.faxreports.model.FaxReport;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one data center's drain acknowledged (deleted, or was told NOT_FOUND) in its last rounds,
 * to hold the drain's promise: within one run no report is handed out twice unless its delete
 * failed.
 *
 * <p>An acknowledged report that is listed again means the data center is not progressing for it
 * — a stale listing, or a delete that answered {@code deleted:true} and kept the report. It is
 * never handed out again in this run. Its delete is repeated up to {@link #MAX_RELISTINGS} times
 * (a listing may just lag); after that it is <em>stuck</em>: left alone while the drain goes on
 * with the other reports, and once a listing holds nothing but stuck reports the data center's
 * drain stops with an error naming them.
 *
 * <p>Memory stays bounded whatever the size of the account: a report that survives its
 * acknowledgement stays among the oldest, so it is listed again in the very next round; IDs
 * acknowledged more than {@link #ROUNDS_REMEMBERED} rounds ago are forgotten. Used by one data
 * center's loop only, one step at a time, so it needs no locking.
 */
final class RecentAcknowledgements {

  /** How often an acknowledged report may be listed again before the data center is stopped. */
  static final int MAX_RELISTINGS = 3;

  static final int ROUNDS_REMEMBERED = 2;

  /** For each remembered ID: the last round it was acknowledged or listed again, and how often it was relisted. */
  private record Seen(int lastRound, int relistings) {}

  private final Map<String, Seen> recent = new HashMap<>();

  /**
   * A listing sorted by what to do with each report.
   *
   * @param fresh to hand out: the first occurrence of each ID not acknowledged in this run
   * @param deleteAgain acknowledged before and listed again, to be deleted once more
   * @param stuck listed again more than {@link #MAX_RELISTINGS} times: left alone
   */
  record Listing(List<FaxReport> fresh, List<String> deleteAgain, List<String> stuck) {

    /** Whether the listing holds nothing this drain can still make progress on. */
    boolean onlyStuck() {
      return fresh.isEmpty() && deleteAgain.isEmpty();
    }
  }

  Listing sort(List<FaxReport> page, int round) {
    forgetBefore(round - ROUNDS_REMEMBERED);
    Map<String, FaxReport> firstOfEach = new LinkedHashMap<>();
    page.forEach(report -> firstOfEach.putIfAbsent(report.jobId(), report));
    List<FaxReport> fresh = new ArrayList<>();
    List<String> deleteAgain = new ArrayList<>();
    List<String> stuck = new ArrayList<>();
    for (FaxReport report : firstOfEach.values()) {
      Seen seen = recent.get(report.jobId());
      if (seen == null) {
        fresh.add(report);
        continue;
      }
      Seen again = new Seen(round, seen.relistings() + 1);
      recent.put(report.jobId(), again);
      (again.relistings() > MAX_RELISTINGS ? stuck : deleteAgain).add(report.jobId());
    }
    return new Listing(fresh, deleteAgain, stuck);
  }
  /** Remembers that {@code jobId} was acknowledged in {@code round}. */
  void acknowledged(String jobId, int round) {
    recent.merge(jobId, new Seen(round, 0), (old, now) -> new Seen(round, old.relistings()));
  }

  private void forgetBefore(int round) {
    recent.values().removeIf(seen -> seen.lastRound() < round);
  }
}
