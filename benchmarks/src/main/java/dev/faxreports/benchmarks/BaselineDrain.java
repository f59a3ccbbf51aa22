package dev.faxreports.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faxreports.model.Credentials;
import dev.faxreports.model.DataCenter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The hand-written client the library is measured against: the JDK's HttpClient and Jackson
 * databind, the same requests (list a page, bulk-delete its IDs), one thread per data center. No
 * retries, no validation, no merging: the least a correct drain does.
 */
final class BaselineDrain {

  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper mapper = PlainRecords.mapper();
  private final String customer;
  private final String authorization;

  BaselineDrain(String customer, Credentials credentials) {
    this.customer = customer;
    this.authorization = credentials.basicAuthorization();
  }

  long drain(List<DataCenter> dataCenters) {
    AtomicLong drained = new AtomicLong();
    CompletableFuture.allOf(dataCenters.stream()
            .map(dc -> CompletableFuture.runAsync(() -> drained.addAndGet(drain(dc))))
            .toArray(CompletableFuture[]::new))
        .join();
    return drained.get();
  }

  private long drain(DataCenter dataCenter) {
    URI reports = URI.create(dataCenter.baseUri() + "/" + customer + "/fax/reports");
    long drained = 0;
    try {
      while (true) {
        HttpResponse<byte[]> listed = http.send(HttpRequest.newBuilder(reports)
            .header("Authorization", authorization).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        PlainRecords.Page page = mapper.readValue(listed.body(), PlainRecords.Page.class);
        if (page.reports().isEmpty()) {
          return drained;
        }
        List<String> ids = page.reports().stream().map(PlainRecords.Report::jobId).toList();
        byte[] body = mapper.writeValueAsBytes(new PlainRecords.Bulk("DELETE", ids));
        HttpResponse<byte[]> deleted = http.send(HttpRequest.newBuilder(reports)
            .header("Authorization", authorization).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
        drained += mapper.readValue(deleted.body(), PlainRecords.Deletions.class).reports().stream()
            .filter(PlainRecords.Deletion::deleted).count();
      }
    } catch (Exception e) {
      throw new IllegalStateException("baseline drain of " + dataCenter.name() + " failed", e);
    }
  }
}
