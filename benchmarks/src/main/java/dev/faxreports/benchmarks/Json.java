package dev.faxreports.benchmarks;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Just enough JSON for the results file: maps, strings, numbers, booleans. */
final class Json {
  private Json() {}

  static String of(Object value) {
    if (value instanceof Map<?, ?> map) {
      return map.entrySet().stream()
          .map(e -> of(String.valueOf(e.getKey())) + ":" + of(e.getValue()))
          .collect(Collectors.joining(",", "{", "}"));
    }
    if (value instanceof String text) {
      return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
    if (value instanceof Double number) {
      return number.isNaN() || number.isInfinite() ? "null" : String.format(Locale.ROOT, "%.4f", number);
    }
    return String.valueOf(value);
  }
}
