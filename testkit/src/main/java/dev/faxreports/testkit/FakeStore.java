package dev.faxreports.testkit;

import dev.faxreports.model.DeletionResult;
import dev.faxreports.model.FaxReport;
import dev.faxreports.model.OriginalJson;
import dev.faxreports.port.FaxReportsTransport;
import dev.faxreports.wire.WireFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The service's behaviour without faults: each data center keeps its own reports, oldest first;
 * list and delete-oldest stop at 1000; reports expire after the retention period. One lock for
 * all data centers keeps it simple and safe; the fake is never the bottleneck of a test.
 */
final class FakeStore {

  /** Thrown by a bulk request that a data center rejects as a whole. */
  static final class RejectedBulkRequest extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int status;

    RejectedBulkRequest(int status, String message) {
      super(message, null, false, false);
      this.status = status;
    }
  }

  private record Age(Instant receivedAt, long sequence) implements Comparable<Age> {
    @Override
    public int compareTo(Age other) {
      int byTime = receivedAt.compareTo(other.receivedAt);
      return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
    }
  }

  /** How a data center answers a bulk delete; anything but {@code HONEST} makes no progress. */
  enum DeleteMode {
    HONEST,
    /** Answers {@code deleted:true} for the reports it has, and keeps them. */
    LYING,
    /** Deletes, but keeps listing what it deleted; deleting that again answers NOT_FOUND. */
    STALE_LISTING
  }

  /** One data center's reports, by age and by ID, and the deleted ones a stale listing still shows. */
  private static final class Shelf {
    final TreeMap<Age, FaxReport> byAge = new TreeMap<>();
    final Map<String, Age> ages = new HashMap<>();
    final List<FaxReport> listedAfterDeletion = new ArrayList<>();
  }

  private final Map<String, Shelf> shelves = new HashMap<>();
  private final Clock clock;
  private final Duration retention;
  private long sequence;

  FakeStore(List<String> dataCenters, Clock clock, Duration retention) {
    dataCenters.forEach(name -> shelves.put(name, new Shelf()));
    this.clock = clock;
    this.retention = retention;
  }

  synchronized void put(String dataCenter, FaxReport seeded, Instant receivedAt) {
    // A fixture with fixed dates on a real clock expires silently one day: refuse it loudly instead.
    Instant cutoff = clock.instant().minus(retention);
    if (!receivedAt.isAfter(cutoff)) {
      throw new IllegalArgumentException("cannot seed " + seeded.jobId() + " received at " + receivedAt
          + ": the fake's retention is " + retention.toDays() + " days (" + retention + "), so by its clock ("
          + clock.instant() + ") it expired at " + receivedAt.plus(retention)
          + "; seed relative to FakeFaxService.now(), or give the fake a fixed clock");
    }
    // Like the service, every report handed out has JSON: a report built in code gets its own.
    FaxReport report = seeded.originalJson() != null ? seeded
        : seeded.withOriginalJson(OriginalJson.of(WireFormat.writeReport(seeded)));
    Shelf shelf = shelf(dataCenter);
    Age previous = shelf.ages.remove(report.jobId());
    if (previous != null) {
      shelf.byAge.remove(previous);
    }
    Age age = new Age(receivedAt, sequence++);
    shelf.byAge.put(age, report);
    shelf.ages.put(report.jobId(), age);
  }

  synchronized List<FaxReport> all(String dataCenter) {
    expire(dataCenter);
    return List.copyOf(shelf(dataCenter).byAge.values());
  }

  synchronized List<FaxReport> oldest(String dataCenter) {
    expire(dataCenter);
    Shelf shelf = shelf(dataCenter);
    return java.util.stream.Stream.concat(shelf.listedAfterDeletion.stream(), shelf.byAge.values().stream())
        .limit(FaxReportsTransport.MAX_IDS_PER_REQUEST).toList();
  }

  synchronized List<DeletionResult> deleteOldest(String dataCenter) {
    List<DeletionResult> deleted = new ArrayList<>();
    for (FaxReport report : oldest(dataCenter)) {
      removeUnexpired(dataCenter, report.jobId());
      deleted.add(DeletionResult.deleted(report.jobId()));
    }
    return deleted;
  }

  synchronized Optional<FaxReport> get(String dataCenter, String jobId) {
    expire(dataCenter);
    return getUnexpired(dataCenter, jobId);
  }

  synchronized boolean remove(String dataCenter, String jobId) {
    expire(dataCenter);
    return removeUnexpired(dataCenter, jobId);
  }

  /** The found reports, in the order asked; unknown IDs are omitted. */
  synchronized List<FaxReport> bulkGet(String dataCenter, List<String> jobIds, boolean rejectUnknown) {
    checkBulk(dataCenter, jobIds, rejectUnknown);
    return jobIds.stream().distinct().map(id -> getUnexpired(dataCenter, id)).flatMap(Optional::stream).toList();
  }

  /** One result per ID: deleted, or NOT_FOUND — truthfully unless {@code mode} says otherwise. */
  synchronized List<DeletionResult> bulkDelete(
      String dataCenter, List<String> jobIds, boolean rejectUnknown, DeleteMode mode) {
    checkBulk(dataCenter, jobIds, rejectUnknown);
    Shelf shelf = shelf(dataCenter);
    return jobIds.stream().map(id -> {
      if (mode == DeleteMode.LYING) {
        return shelf.ages.containsKey(id) ? DeletionResult.deleted(id) : DeletionResult.notFound(id);
      }
      Optional<FaxReport> report = getUnexpired(dataCenter, id);
      if (report.isEmpty() || !removeUnexpired(dataCenter, id)) {
        return DeletionResult.notFound(id);
      }
      if (mode == DeleteMode.STALE_LISTING) {
        shelf.listedAfterDeletion.add(report.get());
      }
      return DeletionResult.deleted(id);
    }).toList();
  }

  // One expiry check per request, so that a request sees one instant; the helpers below skip it.

  private Optional<FaxReport> getUnexpired(String dataCenter, String jobId) {
    Age age = shelf(dataCenter).ages.get(jobId);
    return age == null ? Optional.empty() : Optional.of(shelf(dataCenter).byAge.get(age));
  }

  private boolean removeUnexpired(String dataCenter, String jobId) {
    Shelf shelf = shelf(dataCenter);
    Age age = shelf.ages.remove(jobId);
    if (age == null) {
      return false;
    }
    shelf.byAge.remove(age);
    return true;
  }

  Instant now() {
    return clock.instant();
  }

  /** Checks a bulk request and expires once for it. */
  private void checkBulk(String dataCenter, List<String> jobIds, boolean rejectUnknown) {
    expire(dataCenter);
    if (jobIds.size() > FaxReportsTransport.MAX_IDS_PER_REQUEST) {
      throw new RejectedBulkRequest(400, "at most " + FaxReportsTransport.MAX_IDS_PER_REQUEST
          + " job IDs per request, got " + jobIds.size());
    }
    if (rejectUnknown) {
      List<String> unknown = jobIds.stream().filter(id -> !shelf(dataCenter).ages.containsKey(id)).toList();
      if (!unknown.isEmpty()) {
        throw new RejectedBulkRequest(404, "unknown job IDs: " + unknown.stream().limit(5).toList()
            + (unknown.size() > 5 ? " and " + (unknown.size() - 5) + " more" : ""));
      }
    }
  }

  private void expire(String dataCenter) {
    Instant cutoff = clock.instant().minus(retention);
    Shelf shelf = shelf(dataCenter);
    while (!shelf.byAge.isEmpty() && !shelf.byAge.firstKey().receivedAt.isAfter(cutoff)) {
      FaxReport expired = shelf.byAge.pollFirstEntry().getValue();
      shelf.ages.remove(expired.jobId());
    }
  }

  private Shelf shelf(String dataCenter) {
    Shelf shelf = shelves.get(dataCenter);
    if (shelf == null) {
      throw new IllegalArgumentException("the fake has no data center " + dataCenter
          + "; it has " + shelves.keySet());
    }
    return shelf;
  }
}
