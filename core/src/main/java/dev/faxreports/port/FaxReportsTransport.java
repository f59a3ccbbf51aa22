package dev.faxreports.port;

import dev.faxreports.model.DataCenter;
import dev.faxreports.model.DeletionResult;
import dev.faxreports.model.FaxReport;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Moves one request to one data center and maps the answer into core types. Every method names
 * the data center it addresses; one transport instance serves all of them, so shared resources (a
 * connection pool, an event loop) are shared.
 *
 * <p>A transport holds no policy: it does not retry, split, merge or validate. It fails a stage
 * with a {@link dev.faxreports.error.FaxReportsException} naming the data center — built with
 * {@link dev.faxreports.error.FaxReportsException#forStatus} for a non-2xx answer and with {@link
 * dev.faxreports.error.TransportException} when there is no usable answer — and never with its HTTP
 * library's exception types. Methods must not block the calling thread.
 *
 * <p>Job IDs passed in are not blank; a transport percent-encodes them as path segments. Bulk
 * methods get at most {@link #MAX_IDS_PER_REQUEST} distinct IDs.
 */
public interface FaxReportsTransport extends AutoCloseable {

  /** The service's limit of job IDs per bulk request and of reports per list page. */
  int MAX_IDS_PER_REQUEST = 1000;

  /** {@code GET /{custNr}/fax/reports}: up to the oldest 1000 reports, oldest first. */
  CompletionStage<List<FaxReport>> listOldest(DataCenter dataCenter);

  /**
   * {@code DELETE /{custNr}/fax/reports}: deletes up to the oldest 1000 reports. Not idempotent:
   * never repeated by the facade once it may have reached the server.
   */
  CompletionStage<List<DeletionResult>> deleteOldest(DataCenter dataCenter);

  /**
   * {@code GET /{custNr}/fax/reports/{jobId}}. Fails with {@link
   * dev.faxreports.error.NotFoundException} when the data center does not know the job.
   */
  CompletionStage<FaxReport> fetch(DataCenter dataCenter, String jobId);

  /**
   * {@code DELETE /{custNr}/fax/reports/{jobId}}. Fails with {@link
   * dev.faxreports.error.NotFoundException} when the data center does not know the job.
   */
  CompletionStage<DeletionResult> delete(DataCenter dataCenter, String jobId);

  /**
   * {@code POST /{custNr}/fax/reports} with action GET: the reports this data center has among the
   * IDs; unknown IDs are omitted (or the whole request fails with 404 — the facade copes with both).
   */
  CompletionStage<List<FaxReport>> bulkGet(DataCenter dataCenter, List<String> jobIds);

  /**
   * {@code POST /{custNr}/fax/reports} with action DELETE: one result per ID this data center
   * answered for (unknown IDs as NOT_FOUND, or the whole request fails with 404).
   */
  CompletionStage<List<DeletionResult>> bulkDelete(DataCenter dataCenter, List<String> jobIds);

  /** Releases what the transport owns (threads, connections); idempotent. */
  @Override
  void close();
}
