package dev.faxreports.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.faxreports.model.CoverPageProperty;
import dev.faxreports.model.DeletionResult;
import dev.faxreports.model.FaxReport;
import dev.faxreports.model.RecipientStatus;
import dev.faxreports.model.Reference;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Streaming writers for the v1 JSON shapes, in the service's field order; nulls are left out. A
 * report that came from the wire is written as its original JSON.
 */
final class JsonWriting {
  private JsonWriting() {}

  /**
   * A report: its original JSON when it has one, byte for byte (so a fake server serves exactly what
   * it was seeded with, also bytes that are not UTF-8), else its typed view.
   */
  static void report(JsonGenerator out, FaxReport report) throws IOException {
    if (report.originalJson() != null) {
      out.writeRawValue(new RawJson(report.originalJson().bytes()));
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

  /**
   * JSON written as the bytes it was received as. Jackson's generator writing bytes asks for the
   * unquoted UTF-8 form of a raw value, which here is those bytes, unchanged — not decoded and
   * encoded again, which would turn what is not UTF-8 into U+FFFD. A generator writing characters
   * gets the bytes decoded, the best it can hold.
   */
  private static final class RawJson implements SerializableString {
    private final byte[] bytes;
    private SerializedString text;

    RawJson(byte[] bytes) {
      this.bytes = bytes;
    }

    private SerializedString text() {
      if (text == null) {
        text = new SerializedString(new String(bytes, StandardCharsets.UTF_8));
      }
      return text;
    }

    @Override
    public String getValue() {
      return text().getValue();
    }

    @Override
    public int charLength() {
      return text().charLength();
    }

    @Override
    public char[] asQuotedChars() {
      return text().asQuotedChars();
    }

    @Override
    public byte[] asUnquotedUTF8() {
      return bytes.clone();
    }

    @Override
    public byte[] asQuotedUTF8() {
      return text().asQuotedUTF8();
    }

    @Override
    public int appendQuotedUTF8(byte[] buffer, int offset) {
      return text().appendQuotedUTF8(buffer, offset);
    }

    @Override
    public int appendQuoted(char[] buffer, int offset) {
      return text().appendQuoted(buffer, offset);
    }

    @Override
    public int appendUnquotedUTF8(byte[] buffer, int offset) {
      if (offset + bytes.length > buffer.length) {
        return -1;
      }
      System.arraycopy(bytes, 0, buffer, offset, bytes.length);
      return bytes.length;
    }

    @Override
    public int appendUnquoted(char[] buffer, int offset) {
      return text().appendUnquoted(buffer, offset);
    }

    @Override
    public int writeQuotedUTF8(OutputStream out) throws IOException {
      return text().writeQuotedUTF8(out);
    }

    @Override
    public int writeUnquotedUTF8(OutputStream out) throws IOException {
      out.write(bytes);
      return bytes.length;
    }

    @Override
    public int putQuotedUTF8(ByteBuffer buffer) throws IOException {
      return text().putQuotedUTF8(buffer);
    }

    @Override
    public int putUnquotedUTF8(ByteBuffer buffer) {
      if (buffer.remaining() < bytes.length) {
        return -1;
      }
      buffer.put(bytes);
      return bytes.length;
    }
  }
}
