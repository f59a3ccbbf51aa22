package dev.faxreports.model;

import java.util.List;

/**
 * A Retarus processing domain. A job is known only in the data center that processed it, so every
 * status query and delete goes to each data center of the region and the answers are merged.
 */
public enum Region {
  EUROPE(DataCenter.DE1, DataCenter.DE2),
  USA(DataCenter.US1, DataCenter.US2),
  SWITZERLAND(DataCenter.CH1),
  SINGAPORE(DataCenter.SG1);

  private final List<DataCenter> dataCenters;

  Region(DataCenter... dataCenters) {
    this.dataCenters = List.of(dataCenters);
  }

  public List<DataCenter> dataCenters() {
    return dataCenters;
  }

  /** Parses a region name case-insensitively, with an error that lists the valid names. */
  public static Region parse(String name) {
    if (name != null) {
      for (Region region : values()) {
        if (region.name().equalsIgnoreCase(name.strip())) {
          return region;
        }
      }
    }
    throw new IllegalArgumentException(
        "unknown region '" + name + "'; expected one of " + List.of(values()));
  }
}
