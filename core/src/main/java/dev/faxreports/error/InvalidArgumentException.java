package dev.faxreports.error;

import dev.faxreports.model.DataCenter;
import java.util.Map;

/**
 * Input that cannot be sent: raised before any request leaves. Also thrown by a call when every
 * data center rejected its input as invalid; {@link #failures()} then holds each one's answer.
 */
public class InvalidArgumentException extends FaxReportsException {
  private static final long serialVersionUID = 1L;

  /**
   * Input refused before sending.
   *
   * @param message what is wrong with the input
   */
  public InvalidArgumentException(String message) {
    super(message);
  }

  private InvalidArgumentException(String operation, Map<DataCenter, FaxReportsException> failures) {
    super(operation + ": invalid argument in every data center", failures);
  }

  /**
   * Every data center refused the input: the first answer is the cause, the others are suppressed.
   *
   * @param operation the call, e.g. {@code "bulk get"}
   * @param failures each data center's answer
   * @return the exception
   */
  public static InvalidArgumentException inEveryDataCenter(
      String operation, Map<DataCenter, FaxReportsException> failures) {
    return withOthersSuppressed(new InvalidArgumentException(operation, failures));
  }
}
