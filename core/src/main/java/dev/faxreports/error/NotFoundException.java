package dev.faxreports.error;

import dev.faxreports.model.DataCenter;
import java.util.Map;

/**
 * HTTP 404: the data center does not know the job (or the whole request, e.g. a wrong customer
 * number). Never retried. Thrown by a call when every data center answered 404; {@link
 * #failures()} then holds each data center's answer. ({@code get} of an unknown job is no failure:
 * it returns an empty {@code Optional}.)
 */
public class NotFoundException extends FaxReportsException {
  private static final long serialVersionUID = 1L;

  /**
   * One data center's 404.
   *
   * @param message what was asked or answered, e.g. {@code "HTTP 404"}
   * @param dataCenter the data center that answered
   * @param serverCode the {@code code} of the server's error body, or null
   * @param serverMessage the {@code message} of the server's error body, or null
   */
  public NotFoundException(String message, DataCenter dataCenter, String serverCode, String serverMessage) {
    super("not found: " + message, dataCenter, 404, serverCode, serverMessage, null);
  }

  private NotFoundException(String operation, Map<DataCenter, FaxReportsException> failures) {
    super(operation + ": not found in any data center", failures);
  }

  /**
   * Every data center answered 404: the first answer is the cause, the others are suppressed.
   *
   * @param operation the call, e.g. {@code "list"}
   * @param failures each data center's answer
   * @return the exception
   */
  public static NotFoundException inEveryDataCenter(
      String operation, Map<DataCenter, FaxReportsException> failures) {
    return withOthersSuppressed(new NotFoundException(operation, failures));
  }
}
