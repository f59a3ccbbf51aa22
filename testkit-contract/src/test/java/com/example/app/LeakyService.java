package com.example.app;

import dev.faxreports.port.FaxReportsTransport;

/** Downstream code that breaks the rule: it talks to the SPI outside the wiring package. */
public class LeakyService {
  private final FaxReportsTransport transport;

  public LeakyService(FaxReportsTransport transport) {
    this.transport = transport;
  }

  public FaxReportsTransport transport() {
    return transport;
  }
}
