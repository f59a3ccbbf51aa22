package dev.faxreports.transport.vertx.archfixture;

/** Stands for a class of the Vert.x adapter. */
public class VertxAdapterFixture {
  public static String name() {
    return "vertx";
  }
}
