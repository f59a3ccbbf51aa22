package dev.faxreports;

import dev.faxreports.error.DeadlineExceededException;
import dev.faxreports.error.FaxReportsException;
import dev.faxreports.error.RequestTimeoutException;
import dev.faxreports.error.ServiceUnavailableException;
import dev.faxreports.error.TransportException;
import dev.faxreports.model.DataCenter;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Runs one logical call against one data center: each attempt bounded by the request timeout, the
 * whole call by the deadline, temporary failures retried after a scheduled (never slept) backoff.
 */
final class RetryingCaller {

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

  public RetryingCaller(
      Scheduler scheduler, RetryPolicy policy, Duration requestTimeout, Duration deadline,
      RandomGenerator random) {
    this.scheduler = scheduler;
    this.policy = policy;
    this.requestTimeout = requestTimeout;
    this.deadline = deadline;
    this.random = random;
  }

  /** The call's result, or its last failure as a core exception naming the data center. */
  public <T> CompletableFuture<T> call(
      DataCenter dataCenter, Idempotency idempotency, Supplier<? extends CompletionStage<T>> request) {
    CompletableFuture<T> result = new CompletableFuture<>();
    new Call<>(dataCenter, idempotency, request, result, scheduler.nanoTime() + deadline.toNanos())
        .attempt(1);
    return result;
  }

  /** One logical call's state across its attempts. */
  private final class Call<T> {
    private final DataCenter dataCenter;
    private final Idempotency idempotency;
    private final Supplier<? extends CompletionStage<T>> request;
    private final CompletableFuture<T> result;
    private final long deadlineNanos;

    Call(DataCenter dataCenter, Idempotency idempotency, Supplier<? extends CompletionStage<T>> request,
        CompletableFuture<T> result, long deadlineNanos) {
      this.dataCenter = dataCenter;
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

      CompletionStage<T> sent = start();
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
        if (error == null) {
          result.complete(value);
        } else {
          onFailure(attempt, Failures.normalize(error, dataCenter));
        }
      });
    }

    private void onFailure(int attempt, FaxReportsException failure) {
      if (attempt >= policy.maxAttempts() || !isRetryable(failure)) {
        result.completeExceptionally(failure);
        return;
      }
      Duration retryAfter = failure instanceof ServiceUnavailableException unavailable
          ? unavailable.retryAfter().orElse(null) : null;
      Duration delay = policy.delayBefore(attempt + 1, retryAfter, random);
      long left = deadlineNanos - scheduler.nanoTime();
      if (delay.toNanos() >= left) {
        // The server's own wait is the reason to stop, when it asked for one: name both durations.
        boolean serverAsked = retryAfter != null && delay.equals(retryAfter);
        result.completeExceptionally(serverAsked
            ? DeadlineExceededException.retryAfterBeyondDeadline(dataCenter, retryAfter,
                Duration.ofMillis(Math.max(0, left) / 1_000_000), deadline, failure)
            : new DeadlineExceededException(dataCenter, deadline, failure));
        return;
      }
      scheduler.schedule(delay, () -> attempt(attempt + 1));
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
