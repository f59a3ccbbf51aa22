package dev.faxreports.reliability;

/** The fault matrix over the Vert.x transport. */
class VertxFaultMatrixTest extends FaultMatrix {
  @Override
  protected String transport() {
    return "vertx";
  }
}
