package dev.faxreports.kafka;

import dev.faxreports.FaxReports;
import dev.faxreports.model.FaxReport;
import dev.faxreports.port.FaxReportsTransport;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * One pair's reports on their way from Retarus into Kafka and back out of Retarus. Each listed
 * report is produced once, then waits for Kafka ({@code commitRecord}), then for its delete; while
 * it waits it is <em>in flight</em> and a listing that shows it again does not produce it again. A
 * report Kafka did not take (filtered, dropped) is <em>kept</em>: left at Retarus and not produced
 * again in this task run.
 *
 * <p>The pace follows the service: its list shows only the oldest 1000, and new ones only once
 * those are deleted. So a pair is listed again as soon as its last page is wholly acknowledged and
 * deleted, and otherwise after the poll interval (an empty page, nothing new) or a back-off (a
 * failure). Called from the task's thread (listing), the producer's callback thread (commits) and
 * the deleter (deletes); every method holds this object's lock, briefly.
 */
final class PairDrain {

  /** How many deleted IDs a pair remembers (about 100 bytes each): a few pages' worth. */
  private static final int RECENTLY_DELETED_REMEMBERED = 20_000;

  private final Pair pair;
  private final String customerNumber;
  private final FaxReports reports;
  private final Map<String, String> sourcePartition;
  private final String topic;
  private final boolean deleteFiltered;

  /** Produced and not yet reported by Kafka: how many copies (two reports under one ID are both produced). */
  private final Map<String, Copies> awaitingCommit = new HashMap<>();
  /** In Kafka; their delete is queued, running or to be retried. */
  private final Set<String> awaitingDelete = new HashSet<>();
  /** Not written to Kafka: left at Retarus, not produced again in this run. */
  private final Set<String> kept = new HashSet<>();
  /** Deleted in this run: a stale listing that shows one again does not produce it again. */
  private final Map<String, Boolean> recentlyDeleted = new LinkedHashMap<>(1024, 0.75f, false) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
      return size() > RECENTLY_DELETED_REMEMBERED;
    }
  };

  private boolean listing;
  /** Set when the last page was wholly deleted: the next page need not wait for the poll interval. */
  private boolean readyEarly = true;
  private long nextListingNanos;
  private int consecutiveFailures;

  private static final class Copies {
    int outstanding;
    boolean allWritten = true;
  }

  /** What became of one record Kafka reported on. */
  enum Committed {
    /** Every copy is in Kafka: delete it. */
    DELETE,
    /** Not written: it stays at Retarus. */
    KEEP,
    /** Another copy of the ID is still on its way; or the record is not this pair's. */
    WAIT
  }

  PairDrain(Pair pair, String customerNumber, FaxReports reports, String topic, boolean deleteFiltered) {
    this.pair = pair;
    this.customerNumber = customerNumber;
    this.reports = reports;
    this.sourcePartition = pair.sourcePartition(customerNumber);
    this.topic = topic;
    this.deleteFiltered = deleteFiltered;
  }

  Pair pair() {
    return pair;
  }

  FaxReports reports() {
    return reports;
  }

  Map<String, String> sourcePartition() {
    return sourcePartition;
  }

  /**
   * Whether to list now: no listing running, and either the last page is done with or the time set
   * for the next listing has come. Marks the listing as started when it answers yes.
   */
  synchronized boolean startListingIfDue(long nowNanos) {
    if (listing || (!readyEarly && nowNanos - nextListingNanos < 0)) {
      return false;
    }
    listing = true;
    readyEarly = false;
    return true;
  }

  /** When this pair wants its next listing, for the task's wait; {@code Long.MAX_VALUE} while one runs. */
  synchronized long nextListingNanos() {
    if (listing) {
      return Long.MAX_VALUE;
    }
    return readyEarly ? Long.MIN_VALUE : nextListingNanos;
  }

  /**
   * The records for a listed page: each report not in flight, not kept and not just deleted. The
   * next listing is due after the poll interval, or earlier once this page is done.
   */
  synchronized Accepted listed(List<FaxReport> page, long nowNanos, long pollIntervalNanos) {
    listing = false;
    consecutiveFailures = 0;
    nextListingNanos = nowNanos + pollIntervalNanos;
    List<SourceRecord> records = new ArrayList<>();
    List<String> deleteAgain = new ArrayList<>();
    Map<String, List<FaxReport>> thisPage = new HashMap<>();
    int keptSeen = 0;
    for (FaxReport report : page) {
      String id = report.jobId();
      List<FaxReport> copies = thisPage.computeIfAbsent(id, key -> new ArrayList<>(1));
      boolean newCopyOfThisPage = !copies.isEmpty() && copies.stream().noneMatch(copy -> sameReport(copy, report));
      if (newCopyOfThisPage) {
        // Two different reports under one ID: both go to Kafka, as the drain hands out both.
        copies.add(report);
        awaitingCommit.get(id).outstanding++;
        records.add(record(report));
        continue;
      }
      if (!copies.isEmpty()) {
        continue; // the same report twice in one page
      }
      copies.add(report);
      if (awaitingCommit.containsKey(id) || awaitingDelete.contains(id)) {
        continue; // in flight: produced once already
      }
      if (kept.contains(id)) {
        keptSeen++;
        continue;
      }
      if (recentlyDeleted.containsKey(id)) {
        awaitingDelete.add(id); // deleted, yet listed again: delete again, never produce again
        deleteAgain.add(id);
        continue;
      }
      Copies first = new Copies();
      first.outstanding = 1;
      awaitingCommit.put(id, first);
      records.add(record(report));
    }
    return new Accepted(records, deleteAgain, keptSeen, page.size());
  }

  /** What a listing gave: records to produce, IDs to delete once more, and what it had to skip. */
  record Accepted(List<SourceRecord> records, List<String> deleteAgain, int keptSeen, int listed) {

    /**
     * A full page (the service lists at most the oldest 1000) of nothing but kept reports: nothing
     * newer can be listed until they go.
     */
    boolean blockedByKept() {
      return keptSeen >= FaxReportsTransport.MAX_IDS_PER_REQUEST && keptSeen == listed;
    }
  }

  /** The listing failed: the next one waits {@code backoff}, doubled per failure in a row. */
  synchronized long failed(long nowNanos, long initialBackoffNanos, long maxBackoffNanos) {
    listing = false;
    consecutiveFailures++;
    long backoff = initialBackoffNanos;
    for (int i = 1; i < consecutiveFailures && backoff < maxBackoffNanos; i++) {
      backoff *= 2;
    }
    backoff = Math.min(backoff, maxBackoffNanos);
    nextListingNanos = nowNanos + backoff;
    return backoff;
  }

  /** Kafka reported on a record of this pair: {@code written} when it has it. */
  synchronized Committed committed(String jobId, boolean written) {
    Copies copies = awaitingCommit.get(jobId);
    if (copies == null) {
      return Committed.WAIT; // not ours, or reported twice
    }
    copies.allWritten &= written;
    if (--copies.outstanding > 0) {
      return Committed.WAIT;
    }
    awaitingCommit.remove(jobId);
    if (copies.allWritten || deleteFiltered) {
      awaitingDelete.add(jobId);
      return Committed.DELETE;
    }
    kept.add(jobId);
    markReadyIfDone();
    return Committed.KEEP;
  }

  /** These IDs are gone at Retarus (deleted, or NOT_FOUND). Returns whether the page is now done. */
  synchronized boolean gone(List<String> jobIds) {
    for (String id : jobIds) {
      if (awaitingDelete.remove(id)) {
        recentlyDeleted.put(id, Boolean.TRUE);
      }
    }
    return markReadyIfDone();
  }

  private boolean markReadyIfDone() {
    if (awaitingCommit.isEmpty() && awaitingDelete.isEmpty() && !listing) {
      readyEarly = true;
      return true;
    }
    return false;
  }

  synchronized int awaitingCommitCount() {
    return awaitingCommit.size();
  }

  synchronized int awaitingDeleteCount() {
    return awaitingDelete.size();
  }

  synchronized int keptCount() {
    return kept.size();
  }

  /**
   * The record: keyed by job ID, timestamped with the first send time — unless that lies in the
   * future (a skewed clock, a bad value): brokers refuse timestamps more than {@code
   * log.message.timestamp.after.max.ms} (one hour by default) ahead, which would fail the task on
   * every retry, so such a record gets the producer's time instead; the value keeps every sentTs.
   */
  private SourceRecord record(FaxReport report) {
    java.time.Instant now = java.time.Instant.now();
    Long timestamp = report.earliestSentTs().filter(sent -> !sent.isAfter(now))
        .map(java.time.Instant::toEpochMilli).orElse(null);
    return new SourceRecord(sourcePartition, Map.of("jobId", report.jobId()), topic, null,
        Schema.STRING_SCHEMA, report.jobId(),
        ReportSchema.VALUE, ReportSchema.toStruct(report, customerNumber, pair.dataCenter()),
        timestamp);
  }

  /** Two copies are the same report if the server sent the same bytes, or, without bytes, equal views. */
  private static boolean sameReport(FaxReport a, FaxReport b) {
    if (a.originalJson() != null && b.originalJson() != null) {
      return a.originalJson().equals(b.originalJson());
    }
    return a.equals(b);
  }

  @Override
  public String toString() {
    return "PairDrain[" + pair + "]";
  }
}
