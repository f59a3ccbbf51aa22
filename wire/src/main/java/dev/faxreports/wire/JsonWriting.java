package dev.faxreports.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.faxreports.model.CoverPageProperty;
import dev.faxreports.model.DeletionResult;
import dev.faxreports.model.FaxReport;
import dev.faxreports.model.RecipientStatus;
import dev.faxreports.model.Reference;
import java.io.IOException;

/**
 * Streaming writers for the v1 JSON shapes, in the service's field order; nulls are left out. A
 * report that came from the wire is written as its original JSON.
 */
final class JsonWriting {
  private JsonWriting() {}

  /**
   * A report: its original JSON when it has one (so a fake server serves exactly what it was
   * seeded with), else its typed view.
   */
  static void report(JsonGenerator out, FaxReport report) throws IOException {
    if (report.originalJson() != null) {
      out.writeRawValue(report.originalJson().text());
      return;
    }
    out.writeStartObject();
    out.writeStringField("jobId", report.jobId());
    out.writeArrayFieldStart("recipientStatus");
    for (RecipientStatus recipient : report.recipientStatus()) {
      recipient(out, recipient);
    }
    out.writeEndArray();
    if (report.pages() != null) {
      out.writeNumberField("pages", report.pages());
    }
    if (report.reference() != null) {
      reference(out, report.reference());
    }
    out.writeEndObject();
  }

  static void deletion(JsonGenerator out, DeletionResult result) throws IOException {
    deletion(out, result, null);
  }

  static void deletion(JsonGenerator out, DeletionResult result, String dataCenter) throws IOException {
    out.writeStartObject();
    optional(out, "dataCenter", dataCenter);
    out.writeStringField("jobId", result.jobId());
    out.writeBooleanField("deleted", result.deleted());
    if (result.reason() != null) {
      out.writeStringField("reason", result.reason().code());
    }
    out.writeEndObject();
  }

  private static void recipient(JsonGenerator out, RecipientStatus recipient) throws IOException {
    out.writeStartObject();
    optional(out, "number", recipient.number());
    if (recipient.properties().isEmpty()) {
      out.writeNullField("properties"); // what the service sends for "no cover-page data"
    } else {
      out.writeArrayFieldStart("properties");
      for (CoverPageProperty property : recipient.properties()) {
        out.writeStartObject();
        optional(out, "key", property.key());
        optional(out, "value", property.value());
        out.writeEndObject();
      }
      out.writeEndArray();
    }
    if (recipient.status() != null) {
      out.writeStringField("status", recipient.status().code());
    }
    optional(out, "reason", recipient.reason());
    if (recipient.sentTs() != null) {
      out.writeStringField("sentTs", recipient.sentTs().toString());
    }
    out.writeNumberField("durationInSecs", recipient.durationInSecs());
    optional(out, "sentToNumber", recipient.sentToNumber());
    optional(out, "remoteCsid", recipient.remoteCsid());
    out.writeEndObject();
  }

  private static void reference(JsonGenerator out, Reference reference) throws IOException {
    out.writeObjectFieldStart("reference");
    optional(out, "customerDefinedId", reference.customerDefinedId());
    optional(out, "billingCode", reference.billingCode());
    optional(out, "billingInfo", reference.billingInfo());
    out.writeEndObject();
  }

  private static void optional(JsonGenerator out, String field, String value) throws IOException {
    if (value != null) {
      out.writeStringField(field, value);
    }
  }
}
