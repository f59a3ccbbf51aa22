package dev.faxreports.transport.vertx.archfixture;

import java.util.concurrent.CompletableFuture;

/** Violates "no blocking waits in the Vert.x adapter". */
public class BlockingAdapter {
  public String answer(CompletableFuture<String> pending) {
    return pending.join();
  }
}
