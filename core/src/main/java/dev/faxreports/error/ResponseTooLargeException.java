package dev.faxreports.error;

import dev.faxreports.model.DataCenter;

/**
 * An answer was larger than {@code maxResponseBytes} allows — as received, or after gzip
 * inflation — so the transport stopped reading it and dropped the connection. Not retried: the
 * same request would most likely meet the same answer, and a hostile server must not be able to
 * make every call cost several huge downloads. Raise the limit ({@code maxResponseBytes} on the
 * builder, {@code retarus.fax.max-response-bytes} in configuration) if the service's answers
 * really are that large.
 */
public class ResponseTooLargeException extends FaxReportsException {
  private static final long serialVersionUID = 1L;

  /** The configuration key of the limit, named in the message. */
  public static final String SETTING = "retarus.fax.max-response-bytes";

  private final long maxBytes;

  /**
   * @param httpStatus the answer's status (a capped error answer keeps its status)
   * @param maxBytes the limit the answer exceeded
   */
  public ResponseTooLargeException(DataCenter dataCenter, int httpStatus, long maxBytes) {
    super("the answer exceeded " + maxBytes + " bytes and was not read further (raise"
        + " maxResponseBytes / " + SETTING + " if such answers are expected)",
        dataCenter, httpStatus, null, null, null);
    this.maxBytes = maxBytes;
  }

  /** The limit the answer exceeded. */
  public long maxBytes() {
    return maxBytes;
  }
}
