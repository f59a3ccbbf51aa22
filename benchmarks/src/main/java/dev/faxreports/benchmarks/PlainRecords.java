package dev.faxreports.benchmarks;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.List;

/** What a hand-written client would decode into: plain records, plain Jackson databind. */
final class PlainRecords {
  private PlainRecords() {}

  record Page(List<Report> reports) {}

  record Report(String jobId, List<Recipient> recipientStatus, Integer pages, Reference reference) {}

  record Recipient(String number, List<Property> properties, String status, String reason, Instant sentTs,
      int durationInSecs, String sentToNumber, String remoteCsid) {}

  record Property(String key, String value) {}

  record Reference(String customerDefinedId, String billingCode, String billingInfo) {}

  record Deletions(List<Deletion> reports) {}

  record Deletion(String jobId, boolean deleted, String reason) {}

  record Bulk(String action, List<String> jobIds) {}

  /** The mapper a careful hand-written client would configure: tolerant, with java.time. */
  static ObjectMapper mapper() {
    return new ObjectMapper()
        .registerModule(new JavaTimeModule())
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }
}
