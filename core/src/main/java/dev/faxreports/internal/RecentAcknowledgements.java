package dev.faxreports.internal;

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
 * <p>Memory stays small whatever the size of the account. The IDs of the last {@link
 * #ROUNDS_REMEMBERED} rounds are kept exactly (a report that survives its acknowledgement stays
 * among the oldest, so it is normally listed again in the very next round); every ID acknowledged
 * in the run is also kept as a 64-bit fingerprint (8 to 16 bytes each), so that a server rotating
 * acknowledged reports back in later rounds cannot make the drain hand them out again. A report
 * recognised by its fingerprint alone is only ever left alone, never deleted again: were two IDs'
 * fingerprints ever to collide, the report wrongly skipped stays at the service for the next run
 * instead of being deleted unseen. Used by one data center's loop only, one step at a time, so it
 * needs no locking.
 */
final class RecentAcknowledgements {

  /** How often an acknowledged report may be listed again before the data center is stopped. */
  static final int MAX_RELISTINGS = 3;

  static final int ROUNDS_REMEMBERED = 2;

  /** For each remembered ID: the last round it was acknowledged or listed again, and how often it was relisted. */
  private record Seen(int lastRound, int relistings) {}

  private final Map<String, Seen> recent = new HashMap<>();
  private final LongSet everAcknowledged = new LongSet();

  /**
   * A listing sorted by what to do with each report.
   *
   * @param fresh to hand out: the reports of the IDs not acknowledged in this run, each distinct
   *     report once
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
    // A report listed twice is handed out once; two different reports under one ID are both
    // handed out (they are deleted together, so keeping only one would lose the other).
    Map<String, List<FaxReport>> byId = new LinkedHashMap<>();
    for (FaxReport report : page) {
      List<FaxReport> copies = byId.computeIfAbsent(report.jobId(), id -> new ArrayList<>(1));
      if (copies.stream().noneMatch(copy -> sameReport(copy, report))) {
        copies.add(report);
      }
    }
    List<FaxReport> fresh = new ArrayList<>();
    List<String> deleteAgain = new ArrayList<>();
    List<String> stuck = new ArrayList<>();
    for (Map.Entry<String, List<FaxReport>> entry : byId.entrySet()) {
      String jobId = entry.getKey();
      Seen seen = recent.get(jobId);
      if (seen == null) {
        if (everAcknowledged.contains(fingerprint(jobId))) {
          stuck.add(jobId); // acknowledged rounds ago and back: never handed out again
        } else {
          fresh.addAll(entry.getValue());
        }
        continue;
      }
      Seen again = new Seen(round, seen.relistings() + 1);
      recent.put(jobId, again);
      (again.relistings() > MAX_RELISTINGS ? stuck : deleteAgain).add(jobId);
    }
    return new Listing(fresh, deleteAgain, stuck);
  }
  private static boolean sameReport(FaxReport a, FaxReport b) {
    return a.equals(b) && java.util.Objects.equals(a.originalJson(), b.originalJson());
  }

  /** Remembers that {@code jobId} was acknowledged in {@code round}. */
  void acknowledged(String jobId, int round) {
    recent.merge(jobId, new Seen(round, 0), (old, now) -> new Seen(round, old.relistings()));
    everAcknowledged.add(fingerprint(jobId));
  }

  /** A 64-bit FNV-1a hash of the ID's characters, finished with a 64-bit mix. */
  static long fingerprint(String jobId) {
    long hash = 0xcbf29ce484222325L;
    for (int i = 0; i < jobId.length(); i++) {
      hash = (hash ^ jobId.charAt(i)) * 0x100000001b3L;
    }
    hash ^= hash >>> 33;
    hash *= 0xff51afd7ed558ccdL;
    return hash ^ (hash >>> 33);
  }

  private void forgetBefore(int round) {
    recent.values().removeIf(seen -> seen.lastRound() < round);
  }
}
