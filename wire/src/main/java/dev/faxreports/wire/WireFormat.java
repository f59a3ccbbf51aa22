package dev.faxreports.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.faxreports.model.DeletionResult;
import dev.faxreports.model.FaxReport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Every JSON body of the v1 API, read into and written from the core records. Readers throw
 * {@link MalformedBodyException} for a body that is not the expected shape; {@link #readError}
 * never throws. Stateless and thread-safe.
 */
public final class WireFormat {

  /**
   * Jackson's default limits (1000 digits in a number, nesting 1000 deep) would fail a whole page
   * for one odd unknown field; an answer's size is bounded before it gets here (maxResponseBytes),
   * and the parser never recurses, so only that bound is kept.
   */
  private static final JsonFactory JSON = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxNumberLength(Integer.MAX_VALUE)
          .maxNestingDepth(Integer.MAX_VALUE)
          .maxStringLength(Integer.MAX_VALUE)
          .build())
      .build();
  private static final byte[] REPORT_LINE_DATA_CENTER =
      "\"dataCenter\":".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private static final byte[] REPORT_LINE_REPORT =
      "\"report\":".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private WireFormat() {}

  // ---- what a client reads ------------------------------------------------------------------

  /** The answer to {@code GET /{custNr}/fax/reports} or to a bulk GET. */
  public static List<FaxReport> readReports(byte[] body) {
    return JsonReading.parse(JSON, body, "a report list",
        parser -> JsonReading.reportsEnvelope(parser, report -> ReportReading.report(report, body)));
  }

  /** The answer to {@code GET /{custNr}/fax/reports/{jobId}}. */
  public static FaxReport readReport(byte[] body) {
    return JsonReading.parse(JSON, body, "a report", parser -> ReportReading.report(parser, body));
  }

  /** The answer to delete-oldest or a bulk DELETE: {@code {"reports":[…]}} or a bare array. */
  public static List<DeletionResult> readDeletions(byte[] body) {
    return JsonReading.parse(JSON, body, "a list of deletion results",
        parser -> JsonReading.reportsEnvelope(parser, JsonReading::deletion));
  }

  /**
   * The answer to {@code DELETE /{custNr}/fax/reports/{jobId}}, whose body Retarus does not
   * document: an empty body means deleted; a deletion object, a list or an envelope is read.
   */
  public static DeletionResult readDeletion(byte[] body, String jobId) {
    if (body == null || new String(body, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
      return DeletionResult.deleted(jobId);
    }
    return JsonReading.parse(JSON, body, "a deletion result", parser -> {
      if (parser.currentToken() == JsonToken.START_OBJECT && !isEnvelope(body)) {
        return JsonReading.deletion(parser);
      }
      return JsonReading.reportsEnvelope(parser, JsonReading::deletion).stream()
          .filter(result -> result.jobId().equals(jobId))
          .findFirst()
          .orElseThrow(() -> new MalformedBodyException("no result for job " + jobId, null));
    });
  }

  /** The server's error body, or {@link ErrorBody#NONE} when there is none or it is not JSON. */
  public static ErrorBody readError(byte[] body) {
    try {
      return JsonReading.parse(JSON, body, "an error body", JsonReading::error);
    } catch (MalformedBodyException e) {
      return ErrorBody.NONE;
    }
  }

  // ---- what a server reads ------------------------------------------------------------------

  public static BulkRequest readBulkRequest(byte[] body) {
    return JsonReading.parse(JSON, body, "a bulk request", JsonReading::bulkRequest);
  }

  // ---- writing --------------------------------------------------------------------------------

  public static byte[] writeBulkRequest(BulkRequest request) {
    return write(out -> {
      out.writeStartObject();
      out.writeStringField("action", request.action().name());
      out.writeArrayFieldStart("jobIds");
      for (String id : request.jobIds()) {
        out.writeString(id);
      }
      out.writeEndArray();
      out.writeEndObject();
    });
  }

  public static byte[] writeReports(List<FaxReport> reports) {
    return write(out -> {
      out.writeStartObject();
      out.writeArrayFieldStart("reports");
      for (FaxReport report : reports) {
        JsonWriting.report(out, report);
      }
      out.writeEndArray();
      out.writeEndObject();
    });
  }

  public static byte[] writeReport(FaxReport report) {
    return write(out -> JsonWriting.report(out, report));
  }

  public static byte[] writeDeletions(List<DeletionResult> results) {
    return write(out -> {
      out.writeStartObject();
      out.writeArrayFieldStart("reports");
      for (DeletionResult result : results) {
        JsonWriting.deletion(out, result);
      }
      out.writeEndArray();
      out.writeEndObject();
    });
  }

  public static byte[] writeDeletion(DeletionResult result) {
    return write(out -> JsonWriting.deletion(out, result));
  }

  /**
   * One line of JSON Lines: {@code {"dataCenter":"DE1","report":{…}}} and a newline, where the
   * report is its {@linkplain FaxReport#originalJson() original JSON} byte for byte (or, for a
   * report that did not come from the wire, its typed view in the API's field names). The only
   * change ever made to the original: a line break between two JSON tokens becomes a space, so
   * that one report stays one line; inside JSON strings line breaks are always escaped, so no value
   * changes. {@code "dataCenter"} is left out when {@code dataCenter} is null.
   */
  public static byte[] writeReportLine(FaxReport report, String dataCenter) {
    byte[] json = report.originalJson() != null ? report.originalJson().bytes() : writeReport(report);
    ByteArrayOutputStream line = new ByteArrayOutputStream(json.length + 40);
    line.write('{');
    if (dataCenter != null) {
      line.writeBytes(REPORT_LINE_DATA_CENTER);
      line.writeBytes(write(out -> out.writeString(dataCenter)));
      line.write(',');
    }
    line.writeBytes(REPORT_LINE_REPORT);
    for (byte b : json) {
      line.write(b == '\n' || b == '\r' ? ' ' : b);
    }
    line.write('}');
    line.write('\n');
    return line.toByteArray();
  }

  /** Reads a line written by {@link #writeReportLine}, with or without its newline. */
  public static ReportLine readReportLine(byte[] line) {
    return JsonReading.parse(JSON, line, "a report line", parser -> {
      JsonReading.expect(parser, JsonToken.START_OBJECT, "a report line object");
      String dataCenter = null;
      FaxReport report = null;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        parser.nextToken();
        switch (field) {
          case "dataCenter" -> dataCenter = JsonReading.text(parser);
          case "report" -> report = ReportReading.report(parser, line);
          default -> parser.skipChildren();
        }
      }
      if (report == null) {
        throw new MalformedBodyException("the line has no 'report'", null);
      }
      return new ReportLine(dataCenter, report);
    });
  }

  /** One line of JSON Lines: {@code {"dataCenter"?, "jobId", "deleted", "reason"?}} and a newline. */
  public static byte[] writeDeletionLine(DeletionResult result, String dataCenter) {
    return line(write(out -> JsonWriting.deletion(out, result, dataCenter)));
  }

  private static byte[] line(byte[] json) {
    byte[] line = java.util.Arrays.copyOf(json, json.length + 1);
    line[json.length] = '\n';
    return line;
  }

  public static byte[] writeError(ErrorBody error) {
    return write(out -> {
      out.writeStartObject();
      if (error.code() != null) {
        try {
          out.writeNumberField("code", Integer.parseInt(error.code()));
        } catch (NumberFormatException notANumber) {
          out.writeStringField("code", error.code());
        }
      }
      if (error.message() != null) {
        out.writeStringField("message", error.message());
      }
      out.writeEndObject();
    });
  }

  @FunctionalInterface
  private interface Writer {
    void write(JsonGenerator out) throws IOException;
  }

  private static byte[] write(Writer writer) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (JsonGenerator out = JSON.createGenerator(bytes)) {
      writer.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // writing to memory does not fail
    }
    return bytes.toByteArray();
  }

  private static boolean isEnvelope(byte[] body) {
    try (JsonParser parser = JSON.createParser(body)) {
      parser.nextToken();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        if (parser.currentName().equals("reports")) {
          return true;
        }
        parser.nextToken();
        parser.skipChildren();
      }
      return false;
    } catch (IOException e) {
      return false;
    }
  }
}
