package dev.faxreports.model.archfixture;

import io.micrometer.archfixture.MicrometerLikeType;

/** A core class that records a metric itself instead of reporting an event: the wrong turn. */
public class CoreClassUsingMicrometer {
  public MicrometerLikeType meter() {
    return new MicrometerLikeType();
  }
}
