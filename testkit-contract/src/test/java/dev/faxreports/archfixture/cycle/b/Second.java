package dev.faxreports.archfixture.cycle.b;

import dev.faxreports.archfixture.cycle.a.First;

/** The other half of a package cycle. */
public class Second {
  public First back() {
    return new First();
  }
}
