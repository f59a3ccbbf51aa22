package dev.faxreports.config;

/**
 * A configured value and where it came from, so that an error can point at it.
 *
 * @param key the property key, such as {@code retarus.fax.request-timeout}
 * @param value the raw text
 * @param origin where it was found, such as "environment variable RETARUS_FAX_REQUEST_TIMEOUT"
 */
public record ConfigValue(String key, String value, String origin) {

  /** Never shows a secret's value ({@link Settings#isSecret}). */
  @Override
  public String toString() {
    return key + (Settings.isSecret(key) ? "=****" : "=" + value) + " (" + origin + ")";
  }
}
