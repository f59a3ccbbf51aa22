package com.example.app.wiring;

import dev.faxreports.FaxReports;
import dev.faxreports.model.Region;
import dev.faxreports.port.FaxReportsTransport;

/** The one place downstream code may name a transport. */
public class Wiring {
  public FaxReports reports(FaxReportsTransport transport) {
    return FaxReports.builder().region(Region.EUROPE).transport(transport).build();
  }
}
