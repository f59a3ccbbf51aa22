package dev.faxreports.jdbc;

import dev.faxreports.model.CoverPageProperty;
import java.util.List;

/**
 * The one JSON this module writes itself: a recipient's cover-page properties, {@code
 * [{"key":…,"value":…}]} as the API shapes them ({@code []} for none). The report itself is stored
 * as the server sent it.
 */
final class JsonText {
  private JsonText() {}

  static String properties(List<CoverPageProperty> properties) {
    if (properties.isEmpty()) {
      return "[]";
    }
    StringBuilder json = new StringBuilder(32 * properties.size()).append('[');
    for (CoverPageProperty property : properties) {
      if (json.length() > 1) {
        json.append(',');
      }
      json.append("{\"key\":");
      string(json, property.key());
      json.append(",\"value\":");
      string(json, property.value());
      json.append('}');
    }
    return json.append(']').toString();
  }

  /**
   * A JSON string (or {@code null}), escaped as RFC 8259 requires; a lone surrogate, which no UTF-8
   * text holds, becomes U+FFFD.
   */
  static void string(StringBuilder json, String value) {
    if (value == null) {
      json.append("null");
      return;
    }
    json.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        case '\n' -> json.append("\\n");
        case '\r' -> json.append("\\r");
        case '\t' -> json.append("\\t");
        default -> {
          if (c < 0x20) {
            json.append(String.format("\\u%04x", (int) c));
          } else if (Character.isHighSurrogate(c) && i + 1 < value.length()
              && Character.isLowSurrogate(value.charAt(i + 1))) {
            json.append(c).append(value.charAt(++i));
          } else if (Character.isSurrogate(c)) {
            json.append('\uFFFD'); // a lone one has no UTF-8 form: as in the typed columns (ReportRow.text)
          } else {
            json.append(c);
          }
        }
      }
    }
    json.append('"');
  }
}
