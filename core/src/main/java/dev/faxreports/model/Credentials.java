package dev.faxreports.model;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Basic-auth credentials. {@link #toString()} never shows the password; keep instances out of logs
 * anyway.
 */
public record Credentials(String username, String password) {

  public Credentials {
    Checks.requireNonBlank(username, "username");
    if (password == null || password.isEmpty()) {
      throw new IllegalArgumentException("password must not be null or empty");
    }
    if (username.indexOf(':') >= 0) {
      throw new IllegalArgumentException("a Basic-auth username cannot contain ':'");
    }
  }

  /** The value of the {@code Authorization} header, the credentials encoded as UTF-8. */
  public String basicAuthorization() {
    String pair = username + ":" + password;
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "Credentials[username=" + username + ", password=****]";
  }
}
