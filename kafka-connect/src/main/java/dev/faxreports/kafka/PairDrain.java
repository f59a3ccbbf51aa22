package dev.faxreports.kafka;

import dev.faxreports.Backoff;
import dev.faxreports.FaxReports;
import dev.faxreports.error.FaxReportsException;
import dev.faxreports.model.FaxReport;
import dev.faxreports.port.FaxReportsTransport;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
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
 *
 * <p><b>Two reports under one ID.</b> The service can list two different reports under one job ID;
 * both go to Kafka. Each ID remembers which copies it produced (by a digest of the original JSON, or
 * the typed view for a report without one): a listing produces every copy not produced yet, even of
 * an ID awaiting its delete, kept or just deleted, and the ID goes back to waiting for Kafka. Its
 * delete removes every copy at Retarus, so it is due only once every copy produced was written; the
 * deleter asks {@link #stillToDelete} before it sends, so a delete queued before the new copy showed
 * up is dropped.
 */
final class PairDrain {

  /** How many deleted IDs a pair remembers (about 200 bytes each, with their copies' digests): a few pages' worth. */
  private static final int RECENTLY_DELETED_REMEMBERED = 20_000;

  private final Pair pair;
  private final String customerNumber;
  private final FaxReports reports;
  private final Map<String, String> sourcePartition;
  private final String topic;
  private final boolean deleteFiltered;
  private final boolean stampSent;

  /** Produced, and Kafka has yet to report on at least one copy. */
  private final Map<String, Copies> awaitingCommit = new HashMap<>();
  /** Every copy in Kafka; their delete is queued, running or to be retried. */
  private final Map<String, Copies> awaitingDelete = new HashMap<>();
  /** A copy not written to Kafka: left at Retarus, those copies not produced again in this run. */
  private final Map<String, Copies> kept = new HashMap<>();
  /** Deleted in this run, with their copies: a stale listing that shows one again does not produce it again. */
  private final Map<String, Set<Object>> recentlyDeleted = new LinkedHashMap<>(1024, 0.75f, false) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Set<Object>> eldest) {
      return size() > RECENTLY_DELETED_REMEMBERED;
    }
  };

  private boolean listing;
  /** Set when the last page was wholly deleted: the next page need not wait for the poll interval. */
  private boolean readyEarly = true;
  private long nextListingNanos;
  private int consecutiveFailures;

  /** One job ID's copies: which were produced ({@link #identity}), how many Kafka has yet to report on. */
  private static final class Copies {
    final Set<Object> produced;
    int outstanding;
    boolean allWritten = true;

    Copies(Set<Object> produced) {
      this.produced = produced;
    }
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

  PairDrain(Pair pair, String customerNumber, FaxReports reports, String topic, boolean deleteFiltered,
      FaxReportsSourceConfig.RecordTimestamp timestamp) {
    this.pair = pair;
    this.customerNumber = customerNumber;
    this.reports = reports;
    this.sourcePartition = pair.sourcePartition(customerNumber);
    this.topic = topic;
    this.deleteFiltered = deleteFiltered;
    this.stampSent = timestamp == FaxReportsSourceConfig.RecordTimestamp.SENT;
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

  /** Which account and data center, for a log line: {@code account billing (customer number 12345) in data center DE1}. */
  String describe() {
    return "account " + pair.account() + " (customer number " + customerNumber + ") in data center " + pair.dataCenter();
  }

  /**
   * What went wrong, for a log line about this pair. The client of a pair serves its one data
   * center, so a failure the library words for every data center ("authentication failed in every
   * data center — DE1: …") is told as that data center's own failure ("authentication failed:
   * HTTP 401"); the log line names the account and the data center.
   */
  String failure(Throwable error) {
    Throwable cause = error;
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (!(cause instanceof FaxReportsException failure)) {
      return cause.toString();
    }
    if (failure.failures().size() == 1) {
      failure = failure.failures().values().iterator().next();
    }
    String message = failure.getMessage();
    String ownName = pair.dataCenter() + ": ";
    return message.startsWith(ownName) ? message.substring(ownName.length()) : message;
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
   * The records for a listed page: each copy not produced in this run yet (see the class
   * documentation). The next listing is due after the poll interval, or earlier once this page is
   * done.
   */
  synchronized Accepted listed(List<FaxReport> page, long nowNanos, long pollIntervalNanos) {
    listing = false;
    consecutiveFailures = 0;
    nextListingNanos = nowNanos + pollIntervalNanos;
    List<SourceRecord> records = new ArrayList<>();
    Set<String> deleteAgain = new LinkedHashSet<>();
    Map<String, Set<Object>> thisPage = new HashMap<>();
    int keptSeen = 0;
    for (FaxReport report : page) {
      String id = report.jobId();
      Object copy = identity(report);
      if (!thisPage.computeIfAbsent(id, key -> new HashSet<>(2)).add(copy)) {
        continue; // the same report twice in one page
      }
      Copies waiting = awaitingCommit.get(id);
      if (waiting == null) {
        waiting = awaitingDelete.get(id);
      }
      if (waiting != null && waiting.produced.contains(copy)) {
        continue; // in flight: produced once already
      }
      Copies keptCopies = kept.get(id);
      if (keptCopies != null && keptCopies.produced.contains(copy)) {
        keptSeen++;
        continue;
      }
      Set<Object> deleted = recentlyDeleted.get(id);
      if (waiting == null && keptCopies == null && deleted != null && deleted.contains(copy)) {
        // deleted, yet listed again: delete again, never produce again
        awaitingDelete.put(id, new Copies(new HashSet<>(recentlyDeleted.remove(id))));
        deleteAgain.add(id);
        continue;
      }
      // A copy not produced yet: the first, or another report under a known ID. The ID waits for
      // Kafka again, keeping what it knew (a kept copy still keeps the ID from being deleted).
      Copies copies = awaitingCommit.get(id);
      if (copies == null) {
        copies = awaitingDelete.remove(id);
        if (copies == null) {
          copies = kept.remove(id);
        }
        if (copies == null) {
          Set<Object> before = recentlyDeleted.remove(id);
          copies = new Copies(before == null ? new HashSet<>(2) : new HashSet<>(before));
        }
        awaitingCommit.put(id, copies);
      }
      copies.produced.add(copy);
      copies.outstanding++;
      records.add(record(report));
    }
    deleteAgain.removeIf(id -> !awaitingDelete.containsKey(id)); // a new copy came after all
    return new Accepted(records, List.copyOf(deleteAgain), keptSeen, page.size());
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

  /** The listing failed: the next one waits as {@code backoff} says after this many in a row. */
  synchronized long failed(long nowNanos, Backoff backoff) {
    listing = false;
    consecutiveFailures++;
    long wait = backoff.after(consecutiveFailures).toNanos();
    nextListingNanos = nowNanos + wait;
    return wait;
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
      awaitingDelete.put(jobId, copies);
      return Committed.DELETE;
    }
    kept.put(jobId, copies);
    markReadyIfDone();
    return Committed.KEEP;
  }

  /** These IDs are gone at Retarus (deleted, or NOT_FOUND). Returns whether the page is now done. */
  synchronized boolean gone(List<String> jobIds) {
    for (String id : jobIds) {
      Copies copies = awaitingDelete.remove(id);
      if (copies != null) {
        recentlyDeleted.put(id, copies.produced);
      }
    }
    return markReadyIfDone();
  }

  /**
   * Which of {@code jobIds} are still due for deletion, each once: an ID a listing showed a new copy
   * of since its delete was queued waits for Kafka again, and its delete comes once that copy is in.
   */
  synchronized List<String> stillToDelete(Collection<String> jobIds) {
    return jobIds.stream().distinct().filter(awaitingDelete::containsKey).toList();
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
   * The record, keyed by job ID. Its timestamp is none, so the producer stamps it when it is written
   * and a topic's retention counts from then (a report can be 30 days old; see {@code
   * record.timestamp}). With {@code record.timestamp=sent} it is the first send time — unless that
   * lies in the future (a skewed clock, a bad value): brokers refuse timestamps more than {@code
   * log.message.timestamp.after.max.ms} (one hour by default) ahead, which would fail the task on
   * every retry, so such a record gets the producer's time instead. The value keeps every sentTs.
   */
  private SourceRecord record(FaxReport report) {
    Long timestamp = stampSent ? sentTimestamp(report) : null;
    return new SourceRecord(sourcePartition, Map.of("jobId", report.jobId()), topic, null,
        Schema.STRING_SCHEMA, report.jobId(),
        ReportSchema.VALUE, ReportSchema.toStruct(report, customerNumber, pair.dataCenter()),
        timestamp);
  }

  private static Long sentTimestamp(FaxReport report) {
    java.time.Instant now = java.time.Instant.now();
    return report.earliestSentTs().filter(sent -> !sent.isAfter(now))
        .map(java.time.Instant::toEpochMilli).orElse(null);
  }

  /**
   * What tells one copy of an ID from another: a digest of the bytes the server sent (a digest, not
   * the bytes, as deleted IDs are remembered for a while), or, for a report built without them, its
   * typed view.
   */
  private static Object identity(FaxReport report) {
    if (report.originalJson() == null) {
      return report;
    }
    try {
      return ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(report.originalJson().bytes()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  @Override
  public String toString() {
    return "PairDrain[" + pair + "]";
  }
}
