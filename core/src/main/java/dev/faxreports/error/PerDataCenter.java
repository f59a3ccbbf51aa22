package dev.faxreports.error;

import dev.faxreports.model.DataCenter;
import java.util.Map;
import java.util.stream.Collectors;

/** How an exception standing for several data centers' failures describes them. */
final class PerDataCenter {
  private PerDataCenter() {}

  /** "DE1: …; DE2: …", each failure once, named by its data center. */
  static String summarize(Map<DataCenter, FaxReportsException> failures) {
    if (failures.isEmpty()) {
      throw new IllegalArgumentException("a data-center failure needs at least one failure");
    }
    return failures.entrySet().stream()
        .map(entry -> entry.getValue().dataCenter().isPresent()
            ? entry.getValue().getMessage()
            : entry.getKey().name() + ": " + entry.getValue().getMessage())
        .collect(Collectors.joining("; "));
  }

  /** The status every failure had, or none when they differ. */
  static int singleStatus(Map<DataCenter, FaxReportsException> failures) {
    var statuses = failures.values().stream().map(FaxReportsException::httpStatus).distinct().toList();
    return statuses.size() == 1 ? statuses.get(0) : FaxReportsException.NO_STATUS;
  }
}
