package dev.faxreports.kafka;

import dev.faxreports.config.ConfigKeys;
import dev.faxreports.config.ConfigValue;
import dev.faxreports.config.Durations;
import dev.faxreports.config.Setting;
import dev.faxreports.config.Settings;
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

  /** How Connect's forms show one of the library's settings. */
  private record Shown(Setting<?> setting, Importance importance, Width width, String displayName) {}

  /** The library's settings the connector has, in the order Connect's forms show them. */
  private static final List<Shown> SHOWN = List.of(
      new Shown(Settings.REGION, Importance.HIGH, Width.SHORT, "Region"),
      new Shown(Settings.ENDPOINTS, Importance.LOW, Width.LONG, "Endpoints"),
      new Shown(Settings.TRANSPORT, Importance.LOW, Width.SHORT, "Transport"),
      new Shown(Settings.CONNECT_TIMEOUT, Importance.LOW, Width.SHORT, ConfigKeys.CONNECT_TIMEOUT),
      new Shown(Settings.REQUEST_TIMEOUT, Importance.LOW, Width.SHORT, ConfigKeys.REQUEST_TIMEOUT),
      new Shown(Settings.DEADLINE, Importance.LOW, Width.SHORT, ConfigKeys.DEADLINE),
      new Shown(Settings.MAX_ATTEMPTS, Importance.LOW, Width.SHORT, "Max attempts"),
      new Shown(Settings.MAX_RESPONSE_BYTES, Importance.LOW, Width.SHORT, "Max response bytes"),
      new Shown(Settings.ALLOW_INSECURE_HTTP, Importance.LOW, Width.SHORT, "Allow insecure HTTP"),
      new Shown(Settings.PROXY, Importance.LOW, Width.LONG, "Proxy"),
      new Shown(Settings.PROXY_USERNAME, Importance.LOW, Width.SHORT, "Proxy user"),
      new Shown(Settings.PROXY_PASSWORD, Importance.LOW, Width.SHORT, "Proxy password"),
      new Shown(Settings.PROXY_BYPASS, Importance.LOW, Width.LONG, "Proxy bypass"),
      new Shown(Settings.TRUST_STORE, Importance.LOW, Width.LONG, "Trust store"),
      new Shown(Settings.TRUST_STORE_PASSWORD, Importance.LOW, Width.SHORT, "Trust store password"),
      new Shown(Settings.KEY_STORE, Importance.LOW, Width.LONG, "Key store"),
      new Shown(Settings.KEY_STORE_PASSWORD, Importance.LOW, Width.SHORT, "Key store password"));

  /** The library's settings the connector defines. */
  static List<Setting<?>> defined() {
    return SHOWN.stream().<Setting<?>>map(Shown::setting).toList();
  }

  /** Defines each of the library's settings the connector has, in {@code group}. */
  static void defineAll(ConfigDef def, String group) {
    int order = 0;
    for (Shown shown : SHOWN) {
      Setting<?> setting = shown.setting();
      def.define(setting.key(), type(setting), defaultValue(setting), validator(setting), shown.importance(),
          doc(setting), group, ++order, shown.width(), shown.displayName());
    }
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

  /**
   * The catalogue's default in the type of {@link #type}: a duration as it is written ({@code 30s});
   * the transport's is the one of a distribution that ships every transport, as the plugin does.
   */
  private static Object defaultValue(Setting<?> setting) {
    if (setting == Settings.TRANSPORT) {
      return TransportChoice.BUNDLED_DEFAULT;
    }
    return setting.kind() == Setting.Kind.DURATION ? setting.defaultText().orElse(null)
        : setting.defaultValue().orElse(null);
  }

  /** The transport's valid values are the providers the library finds on the class path. */
  private static ConfigDef.Validator validator(Setting<?> setting) {
    return setting == Settings.TRANSPORT ? ConfigDef.ValidString.in(TransportChoice.names().toArray(String[]::new))
        : new Validator(setting);
  }

  private static String doc(Setting<?> setting) {
    String details = switch (setting.kind()) {
      case DURATION -> ", written " + Durations.EXAMPLES;
      case LIST -> ", comma-separated";
      default -> setting == Settings.TRANSPORT
          ? ": " + String.join(" or ", TransportChoice.names()) + "; the plugin has each"
          : setting.secret() ? "; never logged" : "";
    };
    return setting.doc() + details + ".";
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
