package dev.faxreports.model;

/** Invariants of the records. Input validation with clear errors lives in the facade. */
final class Checks {
  private Checks() {}

  static String requireNonBlank(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be null or blank");
    }
    return value;
  }
}
