package dev.faxreports.transport.vertx.archfixture;

/** Violates "no blocking waits in the Vert.x adapter" by sleeping for a backoff. */
public class SleepingAdapter {
  public void backoff() throws InterruptedException {
    Thread.sleep(100);
  }
}
