package dev.faxreports.wire;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import dev.faxreports.model.CoverPageProperty;
import dev.faxreports.model.FaxReport;
import dev.faxreports.model.FaxStatus;
import dev.faxreports.model.OriginalJson;
import dev.faxreports.model.RecipientStatus;
import dev.faxreports.model.Reference;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one report into its typed view and keeps the bytes it was read from.
 *
 * <p>A field of the wrong type or form ({@code "sentTs":"yesterday"}, {@code "pages":{}}) does not
 * fail the page: that data center could never be drained past the report. The field is left empty
 * in the typed view and its path recorded in {@link FaxReport#unreadableFields()}, and the report's
 * {@link OriginalJson} keeps the value. Only what makes a report unusable fails: no job ID, or a
 * body that is not JSON at all.
 */
final class ReportReading {
  private ReportReading() {}

  /** Reads the report whose opening brace is the parser's current token; {@code body} is the parser's input. */
  static FaxReport report(JsonParser parser, byte[] body) throws IOException {
    JsonReading.expect(parser, JsonToken.START_OBJECT, "a report object");
    long start = parser.currentTokenLocation().getByteOffset();
    Unreadable unreadable = new Unreadable();
    String jobId = null;
    List<RecipientStatus> recipients = List.of();
    Integer pages = null;
    Reference reference = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      parser.nextToken();
      switch (field) {
        case "jobId" -> {
          if (jobId != null) { // which one would the service delete? Neither is safe to assume.
            throw new MalformedBodyException("a report with two jobIds: " + jobId + " and " + JsonReading.text(parser), null);
          }
          jobId = JsonReading.text(parser);
        }
        case "recipientStatus" -> recipients = list(parser, field, unreadable, ReportReading::recipient);
        case "pages" -> pages = integer(parser, null, field, unreadable);
        case "reference" -> reference = reference(parser, unreadable);
        default -> parser.skipChildren();
      }
    }
    if (jobId == null || jobId.isBlank()) {
      throw new MalformedBodyException("a report without a jobId", null);
    }
    long end = parser.currentLocation().getByteOffset(); // just past the closing brace
    if (start < 0 || end < 0) { // Jackson read it as UTF-16 or UTF-32: no byte offsets to slice by
      throw new MalformedBodyException("the answer is not UTF-8 JSON, as the API sends it", null);
    }
    return new FaxReport(jobId, recipients, pages, reference,
        OriginalJson.of(body, Math.toIntExact(start), Math.toIntExact(end)), unreadable.paths);
  }

  /**
   * Paths of the fields that could not be read, in reading order. A path is only built for a field
   * that failed: reading is the hot path of every drain.
   */
  private static final class Unreadable {
    List<String> paths = List.of();

    void add(At at, String field) {
      if (paths.isEmpty()) {
        paths = new ArrayList<>(2);
      }
      paths.add(at == null ? field : field == null ? at.path() : at.path() + "." + field);
    }

    /** Records the field and steps over its value, whatever its shape. */
    <T> T skip(JsonParser parser, At at, String field) throws IOException {
      add(at, field);
      parser.skipChildren();
      return null;
    }
  }

  /**
   * Where a value is: a list's path and an element's index (or -1 for a field outside lists), so
   * that a path string is only built for a field that failed.
   */
  private record At(String list, int index) {
    String path() {
      return index < 0 ? list : list + "[" + index + "]";
    }
  }

  /** Reads one element of a list, at {@code at}. */
  @FunctionalInterface
  private interface ElementReader<T> {
    T read(JsonParser parser, At at, Unreadable unreadable) throws IOException;
  }

  private static RecipientStatus recipient(JsonParser parser, At path, Unreadable unreadable)
      throws IOException {
    String number = null;
    List<CoverPageProperty> properties = List.of();
    String status = null;
    String reason = null;
    Instant sentTs = null;
    Integer duration = null;
    String sentToNumber = null;
    String remoteCsid = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      parser.nextToken();
      switch (field) {
        case "number" -> number = text(parser, path, field, unreadable);
        case "properties" -> properties = list(parser, path.path() + "." + field, unreadable, ReportReading::property);
        case "status" -> status = text(parser, path, field, unreadable);
        case "reason" -> reason = text(parser, path, field, unreadable);
        case "sentTs" -> sentTs = instant(parser, path, field, unreadable);
        case "durationInSecs" -> duration = integer(parser, path, field, unreadable);
        case "sentToNumber" -> sentToNumber = text(parser, path, field, unreadable);
        case "remoteCsid" -> remoteCsid = text(parser, path, field, unreadable);
        default -> parser.skipChildren();
      }
    }
    return new RecipientStatus(number, properties,
        status == null || status.isBlank() ? null : FaxStatus.of(status), reason, sentTs,
        duration == null ? 0 : duration, sentToNumber, remoteCsid);
  }

  private static CoverPageProperty property(JsonParser parser, At path, Unreadable unreadable)
      throws IOException {
    String key = null;
    String value = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      parser.nextToken();
      switch (field) {
        case "key" -> key = text(parser, path, field, unreadable);
        case "value" -> value = text(parser, path, field, unreadable);
        default -> parser.skipChildren();
      }
    }
    return new CoverPageProperty(key, value);
  }

  private static final At REFERENCE = new At("reference", -1);

  private static Reference reference(JsonParser parser, Unreadable unreadable) throws IOException {
    if (parser.currentToken() == JsonToken.VALUE_NULL) {
      return null;
    }
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      return unreadable.skip(parser, null, "reference");
    }
    String customerDefinedId = null;
    String billingCode = null;
    String billingInfo = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      parser.nextToken();
      switch (field) {
        case "customerDefinedId" -> customerDefinedId = text(parser, REFERENCE, field, unreadable);
        case "billingCode" -> billingCode = text(parser, REFERENCE, field, unreadable);
        case "billingInfo" -> billingInfo = text(parser, REFERENCE, field, unreadable);
        default -> parser.skipChildren();
      }
    }
    return new Reference(customerDefinedId, billingCode, billingInfo);
  }

  /** A list of objects; {@code null} is empty, anything else that is not an array is unreadable. */
  private static <T> List<T> list(
      JsonParser parser, String path, Unreadable unreadable, ElementReader<T> element) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return List.of();
    }
    if (token != JsonToken.START_ARRAY) {
      unreadable.skip(parser, new At(path, -1), null);
      return List.of();
    }
    List<T> values = new ArrayList<>();
    for (int index = 0; parser.nextToken() != JsonToken.END_ARRAY; index++) {
      if (parser.currentToken() == null) {
        throw new MalformedBodyException("the array at " + path + " is not closed", null);
      }
      At at = new At(path, index);
      if (parser.currentToken() == JsonToken.START_OBJECT) {
        values.add(element.read(parser, at, unreadable));
      } else {
        unreadable.skip(parser, at, null);
      }
    }
    return values;
  }

  /** Text, or a number or boolean as text; {@code null} for JSON null. */
  private static String text(JsonParser parser, At path, String field, Unreadable unreadable) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    return token.isScalarValue() ? parser.getText() : unreadable.skip(parser, path, field);
  }

  /** A whole number, also as a string ({@code "3"}); anything else is unreadable. */
  private static Integer integer(JsonParser parser, At path, String field, Unreadable unreadable)
      throws IOException {
    JsonToken token = parser.currentToken();
    try {
      if (token == JsonToken.VALUE_NULL) {
        return null;
      }
      if (token == JsonToken.VALUE_NUMBER_INT) {
        return parser.getIntValue();
      }
      if (token == JsonToken.VALUE_STRING) {
        return Integer.valueOf(parser.getText().strip());
      }
    } catch (NumberFormatException | InputCoercionException outOfRangeOrNotANumber) {
      return unreadable.skip(parser, path, field);
    }
    return unreadable.skip(parser, path, field);
  }

  /** An ISO 8601 timestamp; a blank one is absent, one in another form unreadable. */
  private static Instant instant(JsonParser parser, At path, String field, Unreadable unreadable)
      throws IOException {
    String text = text(parser, path, field, unreadable);
    try {
      return JsonReading.instant(text);
    } catch (MalformedBodyException notIso8601) {
      unreadable.add(path, field);
      return null;
    }
  }
}
