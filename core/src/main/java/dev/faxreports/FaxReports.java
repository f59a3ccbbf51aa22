package dev.faxreports;

import dev.faxreports.error.FaxReportsException;
import dev.faxreports.internal.Failures;
import dev.faxreports.model.DeletionResult;
import dev.faxreports.model.FaxReport;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The Retarus Fax status reports of one customer, over every data center of a region.
 *
 * <p>A job is known only in the data center that processed it, so every operation asks all
 * configured data centers at once (its cost is the slowest one's, not the sum) and merges:
 *
 * <ul>
 *   <li>list: the union, oldest first; get: the data center that has it; bulk get: the union;
 *   <li>delete: {@code deleted} if any data center deleted the job, NOT_FOUND only if every data
 *       center said so, otherwise the failure;
 *   <li>a data center that fails after retries is never dropped silently: results carry {@link
 *       DataCenterOutcome#failures()}, strict mode throws instead, and when every data center
 *       failed the call throws {@link dev.faxreports.error.DataCenterFailureException}.
 * </ul>
 *
 * <p>Input is validated before any request. Bulk input is de-duplicated and sent in chunks of at
 * most 1000; empty input sends nothing. Temporary failures of idempotent calls are retried (see
 * {@link RetryPolicy}). Every failure is a {@link FaxReportsException}.
 *
 * <p>Thread-safe; create one per application and {@link #close()} it at shutdown.
 *
 * <pre>{@code
 * try (FaxReports reports = FaxReports.builder()
 *     .region(Region.EUROPE)
 *     .customerNumber("12345")
 *     .credentials(new Credentials(user, password))
 *     .transport(provider)
 *     .build()) {
 *   reports.drain(page -> archive.store(page.reports()));
 * }
 * }</pre>
 */
public final class FaxReports implements AutoCloseable {

  private final AsyncFaxReports async;

  FaxReports(AsyncFaxReports async) {
    this.async = async;
  }

  public static FaxReportsBuilder builder() {
    return new FaxReportsBuilder();
  }

  /**
   * A facade configured entirely from {@code source} (see the catalogue {@link
   * dev.faxreports.config.Settings}), with the transport it names or the only one on the class
   * path.
   */
  public static FaxReports fromConfiguration(dev.faxreports.config.ConfigSource source) {
    return builder().configure(source).build();
  }

  /** {@link #fromConfiguration} with system properties, then {@code RETARUS_*} environment variables. */
  public static FaxReports fromEnvironment() {
    return fromConfiguration(dev.faxreports.config.ConfigSource.standard());
  }

  /** The same facade, non-blocking. */
  public AsyncFaxReports async() {
    return async;
  }

  /** Each data center's oldest reports (up to 1000 each), merged oldest first. */
  public ReportsResult list() {
    return await(async.list());
  }

  /** The report from whichever data center has it; empty if no data center has it. */
  public Optional<FaxReport> get(String jobId) {
    return await(async.get(jobId));
  }

  /** The reports any data center has among {@code jobIds}, in the order asked. */
  public ReportsResult getMany(Collection<String> jobIds) {
    return await(async.getMany(jobIds));
  }

  /** Deletes these reports in every data center; one merged result per distinct ID. */
  public DeletionsResult deleteMany(Collection<String> jobIds) {
    return await(async.deleteMany(jobIds));
  }

  /** Deletes one report wherever it is. */
  public DeletionResult delete(String jobId) {
    return await(async.delete(jobId));
  }

  /**
   * Deletes up to the oldest 1000 reports per data center <em>unseen</em>. Prefer {@link #drain}.
   */
  public DeletionsResult deleteOldest() {
    return await(async.deleteOldest());
  }

  /**
   * Exports every report to {@code handler}, deleting each page only after the handler returned.
   * The handler runs on the calling thread, one page at a time, while the data centers are read
   * in parallel. A handler exception stops the drain and is rethrown; its page is not deleted.
   * Interrupting the calling thread stops the drain the same way: what was not handed over stays.
   */
  public DrainSummary drain(DrainHandler handler) {
    BlockingQueue<Runnable> onThisThread = new LinkedBlockingQueue<>();
    CompletableFuture<DrainSummary> drained = async.drain(handler, onThisThread::add);
    drained.whenComplete((summary, error) -> onThisThread.add(() -> {}));
    try {
      while (!drained.isDone()) {
        onThisThread.take().run();
      }
    } catch (InterruptedException e) {
      drained.cancel(false);
      Thread.currentThread().interrupt();
      throw new FaxReportsException("drain interrupted; pages handed over so far were deleted,"
          + " the rest stays at the service");
    }
    return await(drained);
  }

  /** Closes what the facade created (transport, threads); not a transport it was given. */
  @Override
  public void close() {
    async.close();
  }

  @Override
  public String toString() {
    return async.toString().replaceFirst("^Async", "");
  }

  private static <T> T await(CompletionStage<T> stage) {
    try {
      return stage.toCompletableFuture().join();
    } catch (RuntimeException e) {
      throw Failures.rethrow(e);
    }
  }
}
