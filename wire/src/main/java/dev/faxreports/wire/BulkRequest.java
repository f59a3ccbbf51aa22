package dev.faxreports.wire;

import java.util.List;

/** The body of a bulk request: {@code {"action": "GET", "jobIds": [...]}}. */
public record BulkRequest(BulkAction action, List<String> jobIds) {
  public BulkRequest {
    jobIds = List.copyOf(jobIds);
  }
}
