package dev.faxreports.port;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The one {@code User-Agent} every transport sends: {@code faxreports/<version> (<transport>;
 * Java <version>)}, so that Retarus (and a proxy's log) sees the same client whichever transport
 * carries it.
 */
public final class UserAgent {

  /** This library's version, from the build; {@code unknown} when run from unpackaged classes. */
  public static final String LIBRARY_VERSION = readVersion();

  private UserAgent() {}

  /** The header value for the transport named {@code transport} ({@code feign}, {@code vertx}). */
  public static String of(String transport) {
    return "faxreports/" + LIBRARY_VERSION + " (" + transport + "; Java " + Runtime.version().feature() + "."
        + Runtime.version().interim() + "." + Runtime.version().update() + ")";
  }

  private static String readVersion() {
    try (InputStream in = UserAgent.class.getResourceAsStream("faxreports-version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      String version = properties.getProperty("version", "unknown");
      return version.startsWith("${") ? "unknown" : version;
    } catch (IOException e) {
      return "unknown";
    }
  }
}
