package dev.faxreports.transport.vertx.archfixture;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Follows "no blocking waits": it composes instead of waiting. */
public class ComposingAdapter {
  public CompletionStage<Integer> length(CompletableFuture<String> pending) {
    return pending.thenApply(String::length);
  }
}
