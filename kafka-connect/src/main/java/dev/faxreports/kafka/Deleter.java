package dev.faxreports.kafka;

import dev.faxreports.Backoff;
import dev.faxreports.DeletionsResult;
import dev.faxreports.model.DeletionResult;
import dev.faxreports.port.FaxReportsTransport;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes at Retarus what Kafka has, in bulk, off the producer's callback thread: acknowledged IDs
 * gather per pair and go as one request of at most 1000 when that many are waiting or after a short
 * linger. One delete per pair runs at a time, asynchronously, on one scheduling thread per task.
 * IDs whose delete failed stay queued and are tried again after a back-off (doubling up to the
 * configured ceiling); they stay in flight meanwhile, so they are not produced again. NOT_FOUND
 * counts as done: the report is gone either way. Before each request it asks the pair which IDs
 * are still due ({@link PairDrain#stillToDelete}): one with a new copy on its way to Kafka is not.
 */
final class Deleter implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Deleter.class);
  private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);

  private final ScheduledExecutorService thread;
  private final Duration linger;
  private final Backoff backoff;
  private final TaskMetrics metrics;
  private final Consumer<PairDrain> onPageDone;
  private final Map<PairDrain, Queue> queues = new HashMap<>();

  /** One pair's waiting IDs and its delete in progress; guarded by the deleter. */
  private static final class Queue {
    final Deque<String> waiting = new ArrayDeque<>();
    boolean scheduled;
    boolean running;
    int failuresInARow;
  }

  Deleter(Duration linger, Duration maxBackoff, TaskMetrics metrics, Consumer<PairDrain> pageDone, String threadName) {
    this.linger = linger;
    this.backoff = Backoff.doubling(FIRST_BACKOFF, maxBackoff);
    this.metrics = metrics;
    this.onPageDone = pageDone;
    ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, task -> {
      Thread thread = new Thread(task, threadName);
      thread.setDaemon(true);
      return thread;
    });
    executor.setRemoveOnCancelPolicy(true);
    this.thread = executor;
  }

  /** Queues {@code jobIds} of {@code pair} for deletion; returns at once. */
  synchronized void delete(PairDrain pair, List<String> jobIds) {
    if (jobIds.isEmpty()) {
      return;
    }
    Queue queue = queues.computeIfAbsent(pair, p -> new Queue());
    queue.waiting.addAll(jobIds);
    if (queue.waiting.size() >= FaxReportsTransport.MAX_IDS_PER_REQUEST) {
      schedule(pair, queue, 0);
    } else {
      schedule(pair, queue, linger.toMillis());
    }
  }

  /**
   * Sends everything queued now, without lingering, and waits up to {@code timeout} for it to be
   * done; whatever is left stays at Retarus and comes again after a restart.
   */
  void flush(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (this) {
      queues.forEach((pair, queue) -> {
        queue.failuresInARow = 0;
        schedule(pair, queue, 0);
      });
      while (busy() && System.nanoTime() - deadline < 0) {
        wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
      }
    }
  }

  private boolean busy() {
    return queues.values().stream().anyMatch(queue -> !queue.waiting.isEmpty() || queue.running);
  }

  private void schedule(PairDrain pair, Queue queue, long delayMillis) {
    if (queue.running || (queue.scheduled && delayMillis > 0)) {
      return; // one delete per pair at a time; the one that runs picks up what arrived meanwhile
    }
    queue.scheduled = true;
    thread.schedule(() -> send(pair, queue), delayMillis, TimeUnit.MILLISECONDS);
  }

  private synchronized void send(PairDrain pair, Queue queue) {
    queue.scheduled = false;
    if (queue.running || queue.waiting.isEmpty()) {
      return;
    }
    List<String> queued = new ArrayList<>();
    while (queued.size() < FaxReportsTransport.MAX_IDS_PER_REQUEST && !queue.waiting.isEmpty()) {
      queued.add(queue.waiting.poll());
    }
    // A listing may have shown a new copy of an ID since it was queued: its delete waits for Kafka.
    List<String> batch = pair.stillToDelete(queued);
    if (batch.isEmpty()) {
      if (!queue.waiting.isEmpty()) {
        schedule(pair, queue, 0);
      }
      notifyAll(); // a flush may be waiting for the queue to empty
      return;
    }
    queue.running = true;
    CompletableFuture<DeletionsResult> deleting;
    try {
      deleting = pair.reports().async().deleteMany(batch).toCompletableFuture();
    } catch (RuntimeException e) {
      deleting = CompletableFuture.failedFuture(e);
    }
    deleting.whenComplete((result, error) -> done(pair, queue, batch, result, error));
  }

  private void done(PairDrain pair, Queue queue, List<String> batch, DeletionsResult result, Throwable error) {
    List<String> gone = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    if (error != null) {
      failed.addAll(batch);
      metrics.deleteFailed(pair.pair(), batch.size());
      log.warn("Deleting {} reports of {} failed; they stay queued and are tried again: {}",
          batch.size(), pair.describe(), pair.failure(error));
    } else {
      long deleted = 0;
      long notFound = 0;
      for (DeletionResult one : result.results()) {
        if (one.deleted()) {
          deleted++;
          gone.add(one.jobId());
        } else if (one.isNotFound()) {
          notFound++;
          gone.add(one.jobId());
        } else {
          failed.add(one.jobId());
        }
      }
      metrics.deleted(pair.pair(), deleted, notFound);
      if (!failed.isEmpty()) {
        metrics.deleteFailed(pair.pair(), failed.size());
        log.warn("{} reports of {} could not be deleted (e.g. {}); tried again later",
            failed.size(), pair.describe(), failed.get(0));
      }
    }
    boolean pageDone = pair.gone(gone);
    synchronized (this) {
      queue.running = false;
      failed.forEach(queue.waiting::addFirst);
      if (failed.isEmpty()) {
        queue.failuresInARow = 0;
        if (!queue.waiting.isEmpty()) {
          schedule(pair, queue, queue.waiting.size() >= FaxReportsTransport.MAX_IDS_PER_REQUEST ? 0 : linger.toMillis());
        }
      } else {
        queue.failuresInARow++;
        schedule(pair, queue, backoffMillis(queue.failuresInARow));
      }
      notifyAll();
    }
    if (pageDone) {
      onPageDone.accept(pair);
    }
  }

  private long backoffMillis(int failuresInARow) {
    return backoff.after(failuresInARow).toMillis();
  }

  @Override
  public void close() {
    thread.shutdownNow();
  }
}
