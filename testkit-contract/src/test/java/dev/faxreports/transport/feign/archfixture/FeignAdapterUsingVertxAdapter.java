package dev.faxreports.transport.feign.archfixture;

import dev.faxreports.transport.vertx.archfixture.VertxAdapterFixture;

/** Violates "transports do not depend on each other". */
public class FeignAdapterUsingVertxAdapter {
  public String borrow() {
    return VertxAdapterFixture.name();
  }
}
