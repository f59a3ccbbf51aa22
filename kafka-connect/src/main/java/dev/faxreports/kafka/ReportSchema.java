package dev.faxreports.kafka;

import dev.faxreports.model.CoverPageProperty;
import dev.faxreports.model.FaxReport;
import dev.faxreports.model.RecipientStatus;
import dev.faxreports.model.Reference;
import java.util.Date;
import java.util.List;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;

/**
 * The published schema of a record's value: the report's typed view, where it came from, and the
 * server's original JSON (what an archive should keep: the service deletes its copy once the record
 * is written). Fields are only ever added, as optional, with the version raised; none is removed
 * or retyped, so consumers and schema registries stay compatible.
 */
public final class ReportSchema {

  /** The schema's name in Connect and in a registry. */
  public static final String NAME = "dev.faxreports.kafka.FaxReport";

  /** This schema's version. */
  public static final int VERSION = 1;

  static final Schema PROPERTY = SchemaBuilder.struct().name(NAME + ".CoverPageProperty")
      .field("key", Schema.OPTIONAL_STRING_SCHEMA)
      .field("value", Schema.OPTIONAL_STRING_SCHEMA)
      .build();

  static final Schema RECIPIENT = SchemaBuilder.struct().name(NAME + ".RecipientStatus")
      .field("number", Schema.OPTIONAL_STRING_SCHEMA)
      .field("status", Schema.OPTIONAL_STRING_SCHEMA)
      .field("reason", Schema.OPTIONAL_STRING_SCHEMA)
      .field("sentTs", Timestamp.builder().optional().build())
      .field("durationInSecs", Schema.INT32_SCHEMA)
      .field("sentToNumber", Schema.OPTIONAL_STRING_SCHEMA)
      .field("remoteCsid", Schema.OPTIONAL_STRING_SCHEMA)
      .field("properties", SchemaBuilder.array(PROPERTY).build())
      .build();

  static final Schema REFERENCE = SchemaBuilder.struct().name(NAME + ".Reference").optional()
      .field("customerDefinedId", Schema.OPTIONAL_STRING_SCHEMA)
      .field("billingCode", Schema.OPTIONAL_STRING_SCHEMA)
      .field("billingInfo", Schema.OPTIONAL_STRING_SCHEMA)
      .build();

  /** The value schema of every record. */
  public static final Schema VALUE = SchemaBuilder.struct().name(NAME).version(VERSION)
      .doc("A Retarus Fax status report, with the customer number and data center it came from")
      .field("jobId", Schema.STRING_SCHEMA)
      .field("customerNumber", Schema.STRING_SCHEMA)
      .field("dataCenter", Schema.STRING_SCHEMA)
      .field("pages", Schema.OPTIONAL_INT32_SCHEMA)
      .field("reference", REFERENCE)
      .field("recipientStatus", SchemaBuilder.array(RECIPIENT).build())
      .field("unreadableFields", SchemaBuilder.array(Schema.STRING_SCHEMA).build())
      .field("originalJson", Schema.OPTIONAL_STRING_SCHEMA)
      .build();

  private ReportSchema() {}

  /** The record value for {@code report}. */
  public static Struct toStruct(FaxReport report, String customerNumber, String dataCenter) {
    return new Struct(VALUE)
        .put("jobId", report.jobId())
        .put("customerNumber", customerNumber)
        .put("dataCenter", dataCenter)
        .put("pages", report.pages())
        .put("reference", reference(report.reference()))
        .put("recipientStatus", report.recipientStatus().stream().map(ReportSchema::recipient).toList())
        .put("unreadableFields", report.unreadableFields())
        .put("originalJson", report.originalJsonIfPresent().map(json -> json.text()).orElse(null));
  }

  private static Struct reference(Reference reference) {
    return reference == null ? null : new Struct(REFERENCE)
        .put("customerDefinedId", reference.customerDefinedId())
        .put("billingCode", reference.billingCode())
        .put("billingInfo", reference.billingInfo());
  }

  private static Struct recipient(RecipientStatus recipient) {
    List<Struct> properties = recipient.properties().stream().map(ReportSchema::property).toList();
    return new Struct(RECIPIENT)
        .put("number", recipient.number())
        .put("status", recipient.status() == null ? null : recipient.status().code())
        .put("reason", recipient.reason())
        .put("sentTs", recipient.sentTs() == null ? null : Date.from(recipient.sentTs()))
        .put("durationInSecs", recipient.durationInSecs())
        .put("sentToNumber", recipient.sentToNumber())
        .put("remoteCsid", recipient.remoteCsid())
        .put("properties", properties);
  }

  private static Struct property(CoverPageProperty property) {
    return new Struct(PROPERTY).put("key", property.key()).put("value", property.value());
  }
}
