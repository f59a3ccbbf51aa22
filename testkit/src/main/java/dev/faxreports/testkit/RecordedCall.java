package dev.faxreports.testkit;

import java.util.List;

/**
 * One call the fake received.
 *
 * @param dataCenter the data center's name
 * @param operation what was asked
 * @param jobIds the IDs of a fetch, delete or bulk request; empty otherwise
 * @param nanoTime when, by {@link System#nanoTime()}, for checking waits between calls
 */
public record RecordedCall(String dataCenter, Operation operation, List<String> jobIds, long nanoTime) {
  public RecordedCall {
    jobIds = List.copyOf(jobIds);
  }
}
