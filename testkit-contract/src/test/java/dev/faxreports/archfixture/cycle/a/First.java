package dev.faxreports.archfixture.cycle.a;

import dev.faxreports.archfixture.cycle.b.Second;

/** One half of a package cycle. */
public class First {
  public Second next() {
    return new Second();
  }
}
