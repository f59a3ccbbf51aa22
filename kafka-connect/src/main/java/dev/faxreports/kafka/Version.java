package dev.faxreports.kafka;

/** The connector's version, as the plugin jar's manifest states it. */
final class Version {

  private Version() {}

  static String current() {
    String version = Version.class.getPackage().getImplementationVersion();
    return version != null ? version : "unknown"; // classes run from a directory: tests, IDEs
  }
}
