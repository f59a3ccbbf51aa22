package dev.faxreports.error;

import dev.faxreports.model.DataCenter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One or more data centers failed (after retries) where the caller needs all of them: in strict
 * mode, when every data center failed, or when the failure leaves the answer unknown (a job not
 * found in the data centers that answered may be in the one that did not). Names each failed data
 * center and why; {@link #failures()} has the details.
 */
public class DataCenterFailureException extends FaxReportsException {
  private static final long serialVersionUID = 1L;

  private final transient Map<DataCenter, FaxReportsException> failures;

  public DataCenterFailureException(String what, Map<DataCenter, FaxReportsException> failures) {
    super(what + " — " + summarize(failures), null, singleStatus(failures), null, null,
        failures.values().stream().findFirst().orElse(null));
    this.failures = Collections.unmodifiableMap(new LinkedHashMap<>(failures));
    failures.values().stream().skip(1).forEach(this::addSuppressed);
  }

  /** The failure of each data center that failed, in the order of the configured data centers. */
  public Map<DataCenter, FaxReportsException> failures() {
    return failures;
  }

  /** Whether every failure is of the given type, e.g. all {@link AuthenticationException}. */
  public boolean allFailuresAre(Class<? extends FaxReportsException> type) {
    return !failures.isEmpty() && failures.values().stream().allMatch(type::isInstance);
  }

  private static String summarize(Map<DataCenter, FaxReportsException> failures) {
    if (failures.isEmpty()) {
      throw new IllegalArgumentException("a data-center failure needs at least one failure");
    }
    return failures.entrySet().stream()
        .map(entry -> entry.getValue().dataCenter().isPresent()
            ? entry.getValue().getMessage()
            : entry.getKey().name() + ": " + entry.getValue().getMessage())
        .collect(Collectors.joining("; "));
  }

  private static int singleStatus(Map<DataCenter, FaxReportsException> failures) {
    var statuses = failures.values().stream().map(FaxReportsException::httpStatus).distinct().toList();
    return statuses.size() == 1 ? statuses.get(0) : NO_STATUS;
  }
}
