package dev.faxreports.reliability;

/** The fault matrix over the Feign transport. */
class FeignFaultMatrixTest extends FaultMatrix {
  @Override
  protected String transport() {
    return "feign";
  }
}
