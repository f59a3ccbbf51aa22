package dev.faxreports.internal;

import dev.faxreports.RetryPolicy;
import dev.faxreports.Scheduler;
import dev.faxreports.error.DeadlineExceededException;
import dev.faxreports.error.FaxReportsException;
import dev.faxreports.error.NotFoundException;
import dev.faxreports.error.RequestTimeoutException;
import dev.faxreports.error.ServiceUnavailableException;
import dev.faxreports.error.TransportException;
import dev.faxreports.model.DataCenter;
import dev.faxreports.model.FaxReport;
import dev.faxreports.observe.Operation;
import dev.faxreports.observe.Outcome;
import dev.faxreports.observe.RequestFinished;
import dev.faxreports.observe.RequestObserver;
import dev.faxreports.port.ResponseSizes;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Runs one logical call against one data center: each attempt bounded by the request timeout, the
 * whole call by the deadline, temporary failures retried after a scheduled (never slept) backoff.
 * Each attempt, retry and final failure is reported to the observers, when there are any.
 */
public final class RetryingCaller {

  /** Whether repeating a call is harmless, which decides what may be retried. */
  public enum Idempotency {
    /** Repeating is harmless: list, get, bulk get, delete by ID. */
    IDEMPOTENT,
    /** Repeating could do more than asked (delete-oldest): only retried if it never left. */
    NOT_IDEMPOTENT
  }

  private final Scheduler scheduler;
  private final RetryPolicy policy;
  private final Duration requestTimeout;
  private final Duration deadline;
  private final RandomGenerator random;
  private final Observers observers;

  public RetryingCaller(
      Scheduler scheduler, RetryPolicy policy, Duration requestTimeout, Duration deadline,
      RandomGenerator random, Observers observers) {
    this.observers = observers;
    this.scheduler = scheduler;
    this.policy = policy;
    this.requestTimeout = requestTimeout;
    this.deadline = deadline;
    this.random = random;
  }

  /**
   * The call's result, or its last failure as a core exception naming the data center. Only
   * delete-oldest is not idempotent.
   */
  public <T> CompletableFuture<T> call(
      DataCenter dataCenter, Operation operation, Supplier<? extends CompletionStage<T>> request) {
    Idempotency idempotency = operation == Operation.DELETE_OLDEST
        ? Idempotency.NOT_IDEMPOTENT : Idempotency.IDEMPOTENT;
    CompletableFuture<T> result = new CompletableFuture<>();
    new Call<>(dataCenter, operation, idempotency, request, result,
        scheduler.nanoTime() + deadline.toNanos()).attempt(1);
    return result;
  }

  /** A listing, reported to the observers as what waits in that data center. */
  public CompletableFuture<List<FaxReport>> list(
      DataCenter dataCenter, Supplier<? extends CompletionStage<List<FaxReport>>> request) {
    CompletableFuture<List<FaxReport>> listed = call(dataCenter, Operation.LIST, request);
    if (!observers.active()) {
      return listed;
    }
    return listed.thenApply(page -> {
      observers.pageListed(dataCenter, page);
      return page;
    });
  }

  /** One logical call's state across its attempts. */
  private final class Call<T> {
    private final DataCenter dataCenter;
    private final Operation operation;
    private final Idempotency idempotency;
    private final Supplier<? extends CompletionStage<T>> request;
    private final CompletableFuture<T> result;
    private final long deadlineNanos;

    Call(DataCenter dataCenter, Operation operation, Idempotency idempotency,
        Supplier<? extends CompletionStage<T>> request, CompletableFuture<T> result, long deadlineNanos) {
      this.dataCenter = dataCenter;
      this.operation = operation;
      this.idempotency = idempotency;
      this.request = request;
      this.result = result;
      this.deadlineNanos = deadlineNanos;
    }

    void attempt(int attempt) {
      if (result.isDone()) {
        return; // cancelled by the caller: send nothing more
      }
      long remaining = deadlineNanos - scheduler.nanoTime();
      boolean deadlineIsSooner = remaining < requestTimeout.toNanos();
      Duration timeout = deadlineIsSooner ? Duration.ofNanos(Math.max(0, remaining)) : requestTimeout;

      Observed observed = observers.active() ? new Observed(attempt) : null;
      CompletionStage<T> sent = observed == null ? start()
          : ResponseSizes.reportingTo(observed::received, this::start);
      CompletableFuture<T> answer = new CompletableFuture<>();
      Scheduler.Cancellable timer = scheduler.schedule(timeout, () -> {
        FaxReportsException late = deadlineIsSooner
            ? new DeadlineExceededException(dataCenter, deadline, null)
            : new RequestTimeoutException(dataCenter, requestTimeout);
        if (answer.completeExceptionally(late)) {
          abandon(sent);
        }
      });
      sent.whenComplete((value, error) -> {
        if (error == null) {
          answer.complete(value);
        } else {
          answer.completeExceptionally(error);
        }
      });
      answer.whenComplete((value, error) -> {
        timer.cancel();
        FaxReportsException failure = error == null ? null : Failures.normalize(error, dataCenter);
        if (observed != null) {
          observed.finished(failure);
        }
        if (failure == null) {
          result.complete(value);
        } else {
          onFailure(attempt, failure);
        }
      });
    }

    private void onFailure(int attempt, FaxReportsException failure) {
      if (attempt >= policy.maxAttempts() || !isRetryable(failure)) {
        fail(attempt, failure);
        return;
      }
      Duration retryAfter = failure instanceof ServiceUnavailableException unavailable
          ? unavailable.retryAfter().orElse(null) : null;
      Duration delay = policy.delayBefore(attempt + 1, retryAfter, random);
      long left = deadlineNanos - scheduler.nanoTime();
      if (delay.toNanos() >= left) {
        // The server's own wait is the reason to stop, when it asked for one: name both durations.
        boolean serverAsked = retryAfter != null && delay.equals(retryAfter);
        fail(attempt, serverAsked
            ? DeadlineExceededException.retryAfterBeyondDeadline(dataCenter, retryAfter,
                Duration.ofMillis(Math.max(0, left) / 1_000_000), deadline, failure)
            : new DeadlineExceededException(dataCenter, deadline, failure));
        return;
      }
      if (observers.active()) {
        observers.retryScheduled(dataCenter, operation, attempt + 1, delay, failure);
      }
      scheduler.schedule(delay, () -> attempt(attempt + 1));
    }

    /** Ends the call with {@code failure}; a 404 is an answer (not there), not a failed data center. */
    private void fail(int attempts, FaxReportsException failure) {
      if (observers.active() && !(failure instanceof NotFoundException)) {
        observers.dataCenterFailed(dataCenter, operation, attempts, failure);
      }
      result.completeExceptionally(failure);
    }

    /** One observed attempt: its start time, the answer size the transport reported, its observers. */
    private final class Observed {
      private final int attempt;
      private final long startNanos = scheduler.nanoTime();
      private volatile long bytes = -1;
      private volatile int status = FaxReportsException.NO_STATUS;
      private final RequestObserver listening;

      Observed(int attempt) {
        this.attempt = attempt;
        this.listening = observers.requestStarted(dataCenter, operation, attempt);
      }

      void received(int answerStatus, long size) {
        status = answerStatus;
        bytes = size;
      }

      void finished(FaxReportsException failure) {
        Outcome outcome = Outcome.of(failure);
        // A success's status is what the transport reported (NO_STATUS if it reports nothing).
        int answerStatus = failure == null ? status : failure.httpStatus();
        listening.finished(new RequestFinished(dataCenter, operation, attempt, outcome, answerStatus,
            Duration.ofNanos(scheduler.nanoTime() - startNanos), failure == null ? bytes : -1, failure));
      }
    }

    private boolean isRetryable(FaxReportsException failure) {
      if (failure instanceof DeadlineExceededException) {
        return false;
      }
      boolean temporary = failure instanceof ServiceUnavailableException
          || failure instanceof TransportException;
      if (!temporary) {
        return false; // 400, 401, 403, 404, 500 and the like: asking again changes nothing
      }
      if (idempotency == Idempotency.IDEMPOTENT) {
        return true;
      }
      return failure instanceof TransportException transport && !transport.requestMaySeeServer();
    }

    /** A transport that throws instead of failing its stage still yields a failed stage. */
    private CompletionStage<T> start() {
      try {
        CompletionStage<T> stage = request.get();
        if (stage == null) {
          return CompletableFuture.failedFuture(new IllegalStateException("transport returned null"));
        }
        return stage;
      } catch (RuntimeException e) {
        return CompletableFuture.failedFuture(e);
      }
    }

    /** Tells the transport we no longer wait, so it may free the connection. */
    private void abandon(CompletionStage<T> sent) {
      try {
        sent.toCompletableFuture().cancel(true);
      } catch (UnsupportedOperationException ignored) {
        // a stage that cannot be cancelled finishes on its own; its answer is ignored
      }
    }
  }
}
