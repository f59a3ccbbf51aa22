package dev.faxreports.config;

import dev.faxreports.error.InvalidArgumentException;
import dev.faxreports.model.Credentials;
import java.util.Optional;

/**
 * A user and a password set under two settings, read the one way every pair is read: both or
 * neither, for half a credential is a mistake worth naming — by the key and the environment
 * variable of the half that is missing, never by the password.
 *
 * @param user the user's setting
 * @param password the password's setting
 */
public record CredentialPair(Setting<String> user, Setting<String> password) {

  /** The credentials {@code source} has, or none if it has neither half. */
  public Optional<Credentials> read(ConfigSource source) {
    Optional<ConfigValue> givenUser = source.get(user.key());
    Optional<ConfigValue> givenPassword = source.get(password.key());
    if (givenUser.isEmpty() && givenPassword.isEmpty()) {
      return Optional.empty();
    }
    if (givenUser.isEmpty()) {
      throw missing(user, password);
    }
    if (givenPassword.isEmpty()) {
      throw missing(password, user);
    }
    try {
      return Optional.of(new Credentials(user.parse(givenUser.get()), password.parse(givenPassword.get())));
    } catch (IllegalArgumentException e) { // Credentials' rules; its message never shows the password
      throw ConfigValues.invalid(givenUser.get(), e.getMessage());
    }
  }

  private static InvalidArgumentException missing(Setting<String> absent, Setting<String> present) {
    return new InvalidArgumentException(present.key() + " is set but " + absent.key() + " ("
        + absent.environmentVariable() + ") is missing");
  }
}
