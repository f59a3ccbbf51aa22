package dev.faxreports.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.faxreports.model.DeletionReason;
import dev.faxreports.model.DeletionResult;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Streaming readers for the v1 JSON shapes, written as a tolerant reader: unknown fields are
 * skipped, {@code null} and missing optional fields are accepted, unknown codes are kept. What is
 * required (a report's {@code jobId}, a list's {@code reports}) is checked, so a wrong body is a
 * {@link MalformedBodyException} and never a silently empty answer.
 */
final class JsonReading {
  private JsonReading() {}

  /** A reader of one value, positioned on its first token. */
  @FunctionalInterface
  interface ValueReader<T> {
    T read(JsonParser parser) throws IOException;
  }

  static <T> T parse(JsonFactory json, byte[] body, String what, ValueReader<T> reader) {
    if (body == null || body.length == 0) {
      throw new MalformedBodyException("empty body where " + what + " was expected", null);
    }
    try (JsonParser parser = json.createParser(body)) {
      if (parser.nextToken() == null) {
        throw new MalformedBodyException("empty body where " + what + " was expected", null);
      }
      T value = reader.read(parser);
      if (parser.nextToken() != null) {
        throw new MalformedBodyException("unexpected content after " + what, null);
      }
      return value;
    } catch (MalformedBodyException e) {
      throw e;
    } catch (IOException | IllegalArgumentException e) {
      throw new MalformedBodyException("not " + what + ": " + firstLine(e.getMessage()), e);
    }
  }

  /** {@code {"reports": [...]}}, or a bare array (seen in published delete-oldest answers). */
  static <T> List<T> reportsEnvelope(JsonParser parser, ValueReader<T> element) throws IOException {
    if (parser.currentToken() == JsonToken.START_ARRAY) {
      return array(parser, element);
    }
    expect(parser, JsonToken.START_OBJECT, "an object with a 'reports' array");
    List<T> reports = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      parser.nextToken();
      if (field.equals("reports")) {
        reports = parser.currentToken() == JsonToken.VALUE_NULL ? List.of() : array(parser, element);
      } else {
        parser.skipChildren();
      }
    }
    if (reports == null) {
      throw new MalformedBodyException("the object has no 'reports' array", null);
    }
    return reports;
  }

  static DeletionResult deletion(JsonParser parser) throws IOException {
    expect(parser, JsonToken.START_OBJECT, "a deletion result object");
    String jobId = null;
    Boolean deleted = null;
    String reason = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      parser.nextToken();
      switch (field) {
        case "jobId" -> jobId = text(parser);
        case "deleted" -> deleted = bool(parser);
        case "reason" -> reason = text(parser);
        default -> parser.skipChildren();
      }
    }
    if (jobId == null || jobId.isBlank()) {
      throw new MalformedBodyException("a deletion result without a jobId", null);
    }
    if (reason != null && reason.isBlank()) {
      reason = null; // an empty reason says nothing; like a blank status, it is absent
    }
    // 'deleted' missing: the answer is read from 'reason' alone (none means success).
    boolean isDeleted = deleted != null ? deleted : reason == null;
    return isDeleted ? DeletionResult.deleted(jobId)
        : DeletionResult.failed(jobId, reason == null ? null : DeletionReason.of(reason));
  }

  static ErrorBody error(JsonParser parser) throws IOException {
    expect(parser, JsonToken.START_OBJECT, "an error object");
    String code = null;
    String message = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      parser.nextToken();
      switch (field) {
        case "code" -> code = text(parser);
        case "message" -> message = text(parser);
        default -> parser.skipChildren();
      }
    }
    return new ErrorBody(code, message);
  }

  static BulkRequest bulkRequest(JsonParser parser) throws IOException {
    expect(parser, JsonToken.START_OBJECT, "a bulk request object");
    String action = null;
    List<String> ids = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      parser.nextToken();
      switch (field) {
        case "action" -> action = text(parser);
        case "jobIds" -> ids = nullableArray(parser, JsonReading::requiredText);
        default -> parser.skipChildren();
      }
    }
    if (action == null || ids == null) {
      throw new MalformedBodyException("a bulk request needs 'action' and 'jobIds'", null);
    }
    return new BulkRequest(BulkAction.parse(action), ids);
  }

  private static <T> List<T> nullableArray(JsonParser parser, ValueReader<T> element)
      throws IOException {
    return parser.currentToken() == JsonToken.VALUE_NULL ? List.of() : array(parser, element);
  }

  private static <T> List<T> array(JsonParser parser, ValueReader<T> element) throws IOException {
    expect(parser, JsonToken.START_ARRAY, "an array");
    List<T> values = new ArrayList<>();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      if (parser.currentToken() == null) {
        throw new MalformedBodyException("the array is not closed", null);
      }
      values.add(element.read(parser));
    }
    return values;
  }

  /** Text, or a number or boolean as text; {@code null} for JSON null. */
  static String text(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token.isScalarValue()) {
      return parser.getText();
    }
    throw new MalformedBodyException("expected a text value at " + parser.currentName()
        + " but found " + token, null);
  }

  /** Text that must be there: {@code null} is malformed (a job ID in a bulk request, say). */
  private static String requiredText(JsonParser parser) throws IOException {
    String text = text(parser);
    if (text == null) {
      throw new MalformedBodyException("a null where a value is required", null);
    }
    return text;
  }

  private static Boolean bool(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    return switch (token) {
      case VALUE_TRUE -> true;
      case VALUE_FALSE -> false;
      case VALUE_NULL -> null;
      case VALUE_STRING -> switch (parser.getText().strip().toLowerCase(java.util.Locale.ROOT)) {
        case "true" -> true;
        case "false" -> false;
        default -> throw new MalformedBodyException("'" + parser.getText() + "' is not true or false", null);
      };
      default -> throw new MalformedBodyException("expected true or false but found " + token, null);
    };
  }

  /** ISO 8601 with a zone ({@code Z} or an offset), or without one, read as UTC. */
  static Instant instant(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text.strip()).toInstant();
    } catch (DateTimeParseException withoutZone) {
      try {
        return LocalDateTime.parse(text.strip()).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e) {
        throw new MalformedBodyException("'" + text + "' is not an ISO 8601 timestamp", e);
      }
    }
  }

  static void expect(JsonParser parser, JsonToken expected, String what) {
    if (parser.currentToken() != expected) {
      throw new MalformedBodyException("expected " + what + " but found " + parser.currentToken(), null);
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
