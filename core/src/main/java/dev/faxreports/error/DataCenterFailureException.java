package dev.faxreports.error;

import dev.faxreports.model.DataCenter;
import java.util.Map;

/**
 * One or more data centers failed (after retries) where the caller needs all of them, and the
 * failures do not share one kind: in strict mode when some data centers failed, when every data
 * center failed for different reasons or for a transport reason (connection, timeout, 5xx), or
 * when a failure leaves the answer unknown (a job not found in the data centers that answered may
 * be in the one that did not). When every data center failed alike — authentication, not found,
 * invalid argument — that exception type is thrown instead, with the same {@link #failures()}.
 * Names each failed data center and why; {@link #failures()} has the details.
 */
public class DataCenterFailureException extends FaxReportsException {
  private static final long serialVersionUID = 1L;

  private DataCenterFailureException(String what, Map<DataCenter, FaxReportsException> failures) {
    super(what, failures);
  }

  /**
   * The message names each failed data center; the first failure is the cause, the others are
   * suppressed.
   *
   * @param what what failed, e.g. {@code "list failed in every data center"}
   * @param failures each failed data center's failure, in the order of the data centers
   * @return the exception
   */
  public static DataCenterFailureException of(
      String what, Map<DataCenter, FaxReportsException> failures) {
    return withOthersSuppressed(new DataCenterFailureException(what, failures));
  }

  /**
   * Whether every failure is of the given type, e.g. all {@link TransportException}.
   *
   * @param type the failure type
   * @return true if there are failures and every one is of that type
   */
  public boolean allFailuresAre(Class<? extends FaxReportsException> type) {
    return !failures().isEmpty() && failures().values().stream().allMatch(type::isInstance);
  }
}
