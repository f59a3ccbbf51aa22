package dev.faxreports.error;

import dev.faxreports.model.DataCenter;

/** HTTP 404: the data center does not know the job (or the whole request). Never retried. */
public class NotFoundException extends FaxReportsException {
  private static final long serialVersionUID = 1L;

  public NotFoundException(String message, DataCenter dataCenter, String serverCode, String serverMessage) {
    super("not found: " + message, dataCenter, 404, serverCode, serverMessage, null);
  }
}
