package dev.faxreports.kafka;

import java.util.Map;

/**
 * The connector's unit of work: one account in one data center. A job lives only in the data
 * center that processed it, so the pairs of a connector partition its reports; each pair is
 * drained by exactly one task and is the records' source partition.
 *
 * @param account the account's name in the configuration
 * @param dataCenter the data center's name, such as {@code DE1}
 */
public record Pair(String account, String dataCenter) {

  private static final String SEPARATOR = "@";

  /** {@code billing@DE1}: the form of a pair in task configurations and metric tags. */
  public String id() {
    return account + SEPARATOR + dataCenter;
  }

  /** Reads {@link #id()}. */
  public static Pair parse(String id) {
    int at = id.lastIndexOf(SEPARATOR);
    if (at <= 0 || at == id.length() - 1) {
      throw new IllegalArgumentException("not an account@data-center pair: " + id);
    }
    return new Pair(id.substring(0, at), id.substring(at + 1));
  }

  /** The records' source partition: which account and data center a report came from. */
  public Map<String, String> sourcePartition(String customerNumber) {
    return Map.of("account", account, "customerNumber", customerNumber, "dataCenter", dataCenter);
  }

  @Override
  public String toString() {
    return id();
  }
}
