package dev.faxreports.support;

import dev.faxreports.FaxReports;
import dev.faxreports.FaxReportsBuilder;
import dev.faxreports.model.DataCenter;
import java.util.List;
import java.util.Random;

/** Facades over a {@link ScriptedTransport} and virtual time. */
public final class Facades {
  private Facades() {}

  public static final DataCenter DC1 = DataCenter.DE1;
  public static final DataCenter DC2 = DataCenter.DE2;

  public static FaxReportsBuilder over(ScriptedTransport transport, ManualScheduler scheduler) {
    return FaxReports.builder()
        .dataCenters(List.of(DC1, DC2))
        .transport(transport)
        .scheduler(scheduler)
        .random(new Random(7));
  }

  public static FaxReports facade(ScriptedTransport transport) {
    return over(transport, new ManualScheduler()).build();
  }
}
