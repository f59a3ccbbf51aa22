package dev.faxreports.wire;

import java.util.Locale;

/** The {@code action} of {@code POST /{custNr}/fax/reports}; the service reads it case-insensitively. */
public enum BulkAction {
  GET,
  DELETE;

  /** Parses an action in any case; unknown actions are an {@link IllegalArgumentException}. */
  public static BulkAction parse(String action) {
    if (action != null) {
      for (BulkAction known : values()) {
        if (known.name().equals(action.strip().toUpperCase(Locale.ROOT))) {
          return known;
        }
      }
    }
    throw new IllegalArgumentException("unknown bulk action '" + action + "'; expected GET or DELETE");
  }
}
