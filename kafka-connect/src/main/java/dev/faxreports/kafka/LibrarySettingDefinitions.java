package dev.faxreports.kafka;

import dev.faxreports.config.ConfigValue;
import dev.faxreports.config.Durations;
import dev.faxreports.config.Setting;
import dev.faxreports.config.TransportChoice;
import dev.faxreports.error.InvalidArgumentException;
import java.util.List;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * The library's settings as keys of the connector's {@link ConfigDef}, made from the catalogue
 * ({@link dev.faxreports.config.Settings}): key, type ({@code PASSWORD} for a secret), default,
 * doc and a validator that reads the value as the library does. Only how Connect presents them —
 * importance, group, width, display name — is the connector's.
 */
final class LibrarySettingDefinitions {
  private LibrarySettingDefinitions() {}

  /** Where a value came from, as the library's messages say it. */
  static final String ORIGIN = "connector configuration";

  /** Defines {@code setting} with the catalogue's default. */
  static void define(ConfigDef def, Setting<?> setting, Importance importance, String group, int order,
      Width width, String displayName) {
    def.define(setting.key(), type(setting), defaultValue(setting), new Validator(setting), importance,
        doc(setting, ""), group, order, width, displayName);
  }

  /**
   * Defines the transport: its valid values are the providers the library finds on the class path,
   * the plugin has each, and the default is the one of a distribution that ships every transport.
   */
  static void defineTransport(ConfigDef def, Setting<String> transport, Importance importance, String group,
      int order, Width width, String displayName) {
    List<String> names = TransportChoice.names();
    def.define(transport.key(), Type.STRING, TransportChoice.BUNDLED_DEFAULT, ConfigDef.ValidString.in(names.toArray(String[]::new)),
        importance, doc(transport, ": " + String.join(" or ", names) + "; the plugin has each"), group, order,
        width, displayName);
  }

  /** A value as the library reads it: a password's text, a list comma-separated. */
  static String text(Object value) {
    if (value instanceof Password password) {
      return password.value();
    }
    if (value instanceof List<?> list) {
      return String.join(",", list.stream().map(String::valueOf).toList());
    }
    return String.valueOf(value);
  }

  private static Type type(Setting<?> setting) {
    return switch (setting.kind()) {
      case TEXT -> setting.secret() ? Type.PASSWORD : Type.STRING;
      case LIST -> Type.LIST;
      case DURATION, FILE -> Type.STRING;
      case INTEGER -> Type.INT;
      case LONG -> Type.LONG;
      case BOOLEAN -> Type.BOOLEAN;
    };
  }

  /** The catalogue's default in the type of {@link #type}: a duration as it is written ({@code 30s}). */
  private static Object defaultValue(Setting<?> setting) {
    return setting.kind() == Setting.Kind.DURATION ? setting.defaultText().orElse(null)
        : setting.defaultValue().orElse(null);
  }

  private static String doc(Setting<?> setting, String addition) {
    String form = switch (setting.kind()) {
      case DURATION -> ", written " + Durations.EXAMPLES;
      case LIST -> ", comma-separated";
      default -> "";
    };
    return setting.doc() + addition + form + ".";
  }

  /** Reads a value as the library will, so that Connect's validation refuses what the library would. */
  private record Validator(Setting<?> setting) implements ConfigDef.Validator {

    @Override
    public void ensureValid(String name, Object value) {
      String text = value == null ? "" : text(value).strip();
      if (text.isEmpty()) {
        return; // absent: the library's default applies
      }
      try {
        setting.parse(new ConfigValue(name, text, ORIGIN));
      } catch (InvalidArgumentException e) { // names the key; shows no secret
        throw new ConfigException(e.getMessage());
      }
    }

    @Override
    public String toString() {
      return switch (setting.kind()) {
        case DURATION -> "a positive duration: " + Durations.EXAMPLES;
        case INTEGER, LONG -> "a whole number, at least 1";
        case BOOLEAN -> "true or false";
        default -> "as the library reads " + setting.key();
      };
    }
  }
}
