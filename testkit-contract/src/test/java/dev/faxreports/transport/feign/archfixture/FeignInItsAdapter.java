package dev.faxreports.transport.feign.archfixture;

import feign.archfixture.FeignLikeType;

/** Follows "Feign only in its adapter". */
public class FeignInItsAdapter {
  public FeignLikeType client() {
    return new FeignLikeType();
  }
}
