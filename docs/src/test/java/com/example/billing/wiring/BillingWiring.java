package com.example.billing.wiring;

import com.example.billing.MonthlyBilling;
import dev.faxreports.FaxReports;
import dev.faxreports.model.Region;
import dev.faxreports.transport.vertx.VertxTransportProvider;

/** The wiring package of the ArchUnit example: the one place that names a transport. */
public class BillingWiring {
  public MonthlyBilling billing() {
    return new MonthlyBilling(FaxReports.builder().region(Region.EUROPE)
        .transport(new VertxTransportProvider()).build());
  }
}
