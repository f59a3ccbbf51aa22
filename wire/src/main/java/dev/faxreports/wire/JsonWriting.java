package dev.faxreports.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.faxreports.model.CoverPageProperty;
import dev.faxreports.model.DeletionResult;
import dev.faxreports.model.FaxReport;
import dev.faxreports.model.RecipientStatus;
import dev.faxreports.model.Reference;
import java.io.IOException;

/** Streaming writers for the v1 JSON shapes, in the service's field order; nulls are left out. */
final class JsonWriting {
  private JsonWriting() {}

  static void report(JsonGenerator out, FaxReport report) throws IOException {
    report(out, report, null);
  }

  /** A report, with the data center it came from first when {@code dataCenter} is not null. */
  static void report(JsonGenerator out, FaxReport report, String dataCenter) throws IOException {
    out.writeStartObject();
    optional(out, "dataCenter", dataCenter);
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
