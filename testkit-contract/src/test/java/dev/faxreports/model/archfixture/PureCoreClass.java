package dev.faxreports.model.archfixture;

import dev.faxreports.model.DataCenter;
import java.util.List;

/** Follows "core depends only on the JDK". */
public class PureCoreClass {
  public List<DataCenter> all() {
    return List.of(DataCenter.DE1);
  }
}
