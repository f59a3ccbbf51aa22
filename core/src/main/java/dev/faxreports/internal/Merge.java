package dev.faxreports.internal;

import dev.faxreports.error.FaxReportsException;
import dev.faxreports.model.DataCenter;
import dev.faxreports.model.DeletionReason;
import dev.faxreports.model.DeletionResult;
import dev.faxreports.model.FaxReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The merge rules of DESIGN.md, as pure functions over what the data centers answered. */
public final class Merge {
  private Merge() {}

  /**
   * Listings of several data centers as one list, oldest first. Each data center's own order is
   * kept (the service lists oldest first); across data centers the report whose earliest send time
   * is older goes first, and a report without any send time is taken as soon as it heads its list.
   */
  public static List<FaxReport> oldestFirst(Collection<List<FaxReport>> listings) {
    List<List<FaxReport>> lists = List.copyOf(listings);
    int[] next = new int[lists.size()];
    int total = lists.stream().mapToInt(List::size).sum();
    List<FaxReport> merged = new ArrayList<>(total);
    while (merged.size() < total) {
      int pick = -1;
      Instant pickTime = null;
      for (int i = 0; i < lists.size(); i++) {
        if (next[i] >= lists.get(i).size()) {
          continue;
        }
        Instant time = lists.get(i).get(next[i]).earliestSentTs().orElse(null);
        if (time == null) {
          pick = i;
          break;
        }
        if (pick < 0 || time.isBefore(pickTime)) {
          pick = i;
          pickTime = time;
        }
      }
      merged.add(lists.get(pick).get(next[pick]++));
    }
    return merged;
  }

  /**
   * The union of bulk GET answers, in the order the IDs were asked for; a report two data centers
   * both returned appears once (the first data center's).
   */
  public static List<FaxReport> union(List<String> askedIds, Collection<List<FaxReport>> answers) {
    Map<String, FaxReport> byId = new LinkedHashMap<>();
    for (List<FaxReport> answer : answers) {
      for (FaxReport report : answer) {
        byId.putIfAbsent(report.jobId(), report);
      }
    }
    List<FaxReport> ordered = new ArrayList<>(byId.size());
    for (String id : askedIds) {
      FaxReport report = byId.remove(id);
      if (report != null) {
        ordered.add(report);
      }
    }
    ordered.addAll(byId.values()); // answers for IDs nobody asked for are kept, not hidden
    return ordered;
  }

  /**
   * One result per asked job from every data center's answer: {@code deleted} if any data center
   * deleted it; NOT_FOUND only if every data center answered NOT_FOUND (or did not mention it);
   * else a server reason such as INTERNAL_ERROR, or DATA_CENTER_FAILED when a data center that
   * might hold the job failed as a whole.
   */
  public static List<DeletionResult> deletions(
      List<String> askedIds,
      Map<DataCenter, List<DeletionResult>> answers,
      Map<DataCenter, FaxReportsException> failures) {
    Map<String, List<DeletionResult>> byId = new LinkedHashMap<>();
    askedIds.forEach(id -> byId.put(id, new ArrayList<>()));
    answers.values().forEach(results ->
        results.forEach(r -> byId.computeIfAbsent(r.jobId(), id -> new ArrayList<>()).add(r)));

    List<DeletionResult> merged = new ArrayList<>(byId.size());
    byId.forEach((id, results) -> merged.add(mergeOne(id, results, !failures.isEmpty())));
    return merged;
  }

  private static DeletionResult mergeOne(
      String jobId, List<DeletionResult> results, boolean someDataCenterFailed) {
    if (results.stream().anyMatch(DeletionResult::deleted)) {
      return DeletionResult.deleted(jobId);
    }
    for (DeletionResult result : results) {
      if (!result.isNotFound()) {
        return DeletionResult.failed(jobId, result.reason());
      }
    }
    return someDataCenterFailed
        ? DeletionResult.failed(jobId, DeletionReason.DATA_CENTER_FAILED)
        : DeletionResult.notFound(jobId);
  }
}
