package dev.faxreports.config;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One setting of the library, as every way of configuring it names it: its {@code retarus.fax.*}
 * key, its environment variable, how its text is read, its default, a one-line doc and whether it
 * is a secret. The catalogue is {@link Settings}; the CLI, the Kafka connector and the docs are
 * built from it or checked against it, so a setting is described once.
 *
 * @param <T> the type its text is read into
 */
public final class Setting<T> {

  /** The shape of a setting's text, for a tool that must declare it (a connector's type). */
  public enum Kind {
    /** Free text, or a choice among names. */
    TEXT,
    /** A comma-separated list. */
    LIST,
    /** A duration, written as {@link Durations} reads it. */
    DURATION,
    /** A whole number that fits an {@code int}. */
    INTEGER,
    /** A whole number that fits a {@code long}. */
    LONG,
    /** {@code true} or {@code false}. */
    BOOLEAN,
    /** A file's path. */
    FILE
  }

  private final String key;
  private final String environmentVariable;
  private final Kind kind;
  private final Function<ConfigValue, T> parser;
  private final T defaultValue;
  private final String doc;
  private final boolean secret;

  Setting(String key, String environmentVariable, Kind kind, Function<ConfigValue, T> parser,
      T defaultValue, String doc, boolean secret) {
    this.key = Objects.requireNonNull(key);
    this.environmentVariable = Objects.requireNonNull(environmentVariable);
    this.kind = Objects.requireNonNull(kind);
    this.parser = Objects.requireNonNull(parser);
    this.defaultValue = defaultValue;
    this.doc = Objects.requireNonNull(doc);
    this.secret = secret;
  }

  /** The key, such as {@code retarus.fax.request-timeout}. */
  public String key() {
    return key;
  }

  /** The environment variable, such as {@code RETARUS_FAX_REQUEST_TIMEOUT}. */
  public String environmentVariable() {
    return environmentVariable;
  }

  public Kind kind() {
    return kind;
  }

  /** What applies when the setting is absent, or empty when there is no default value. */
  public Optional<T> defaultValue() {
    return Optional.ofNullable(defaultValue);
  }

  /** The default as it is written in a configuration ({@code 30s}, {@code 4}), or empty. */
  public Optional<String> defaultText() {
    return defaultValue().map(value -> value instanceof Duration duration ? Durations.describe(duration)
        : String.valueOf(value));
  }

  /** One line that says what the setting does, without a closing period. */
  public String doc() {
    return doc;
  }

  /** A password: its value is never shown, in any message, {@code toString} or log. */
  public boolean secret() {
    return secret;
  }

  /**
   * Reads {@code value}, which is this setting's text.
   *
   * @throws dev.faxreports.error.InvalidArgumentException naming the key, the origin and — unless it
   *     is a secret — the value
   */
  public T parse(ConfigValue value) {
    return parser.apply(value);
  }

  /** The setting's value in {@code source}, read; empty when the source lacks it. */
  public Optional<T> read(ConfigSource source) {
    return source.get(key).map(this::parse);
  }

  /** The key and whether it is a secret; never a value. */
  @Override
  public String toString() {
    return key + (secret ? " (secret)" : "");
  }
}
