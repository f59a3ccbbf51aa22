package dev.faxreports.observe;

import dev.faxreports.model.DataCenter;
import java.util.List;

/**
 * A drain begins.
 *
 * @param dataCenters the data centers it drains, all at once
 */
public record DrainStarted(List<DataCenter> dataCenters) {
  public DrainStarted {
    dataCenters = List.copyOf(dataCenters);
  }
}
