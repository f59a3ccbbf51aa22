package dev.faxreports.internal;

import dev.faxreports.error.AuthenticationException;
import dev.faxreports.error.DataCenterFailureException;
import dev.faxreports.error.FaxReportsException;
import dev.faxreports.error.InvalidArgumentException;
import dev.faxreports.error.NotFoundException;
import dev.faxreports.error.TransportException;
import dev.faxreports.model.DataCenter;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Turns whatever a stage failed with into the core exception family. */
public final class Failures {
  private Failures() {}

  /** The cause behind the wrappers CompletableFuture adds. */
  public static Throwable unwrap(Throwable error) {
    Throwable current = error;
    while ((current instanceof CompletionException || current instanceof ExecutionException)
        && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }

  /**
   * A transport's failure as a core exception. A transport that breaks its contract (fails with a
   * foreign exception) still yields a clear error naming the data center, and is not retried: a
   * bug does not get better by repetition.
   */
  public static FaxReportsException normalize(Throwable error, DataCenter dataCenter) {
    Throwable cause = unwrap(error);
    if (cause instanceof FaxReportsException known) {
      return known;
    }
    if (cause instanceof CancellationException) {
      return new TransportException("request cancelled", dataCenter, FaxReportsException.NO_STATUS,
          true, cause);
    }
    return new FaxReportsException(
        "transport failed unexpectedly: " + cause, dataCenter, FaxReportsException.NO_STATUS,
        null, null, cause);
  }

  /**
   * The exception for a call that failed in every data center. When every failure is of one kind
   * the caller can act on — wrong credentials, unknown customer or job, input the service refuses
   * — it is that kind, so {@code catch (AuthenticationException e)} works whatever the number of
   * data centers; otherwise (mixed reasons, or connection, timeout and 5xx failures) a {@link
   * DataCenterFailureException}. Each data center's failure is attached either way.
   */
  public static FaxReportsException everyDataCenter(String operation, Map<DataCenter, FaxReportsException> failures) {
    if (allAre(AuthenticationException.class, failures)) {
      return AuthenticationException.inEveryDataCenter(operation, failures);
    }
    if (allAre(NotFoundException.class, failures)) {
      return NotFoundException.inEveryDataCenter(operation, failures);
    }
    if (allAre(InvalidArgumentException.class, failures)) {
      return InvalidArgumentException.inEveryDataCenter(operation, failures);
    }
    return DataCenterFailureException.of(operation + " failed in every data center", failures);
  }

  private static boolean allAre(Class<?> type, Map<DataCenter, FaxReportsException> failures) {
    return !failures.isEmpty() && failures.values().stream().allMatch(type::isInstance);
  }

  /** Rethrows a stage's failure for a synchronous caller, without the wrappers. */
  public static RuntimeException rethrow(Throwable error) {
    Throwable cause = unwrap(error);
    if (cause instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (cause instanceof Error fatal) {
      throw fatal;
    }
    throw new FaxReportsException("unexpected checked failure: " + cause, null,
        FaxReportsException.NO_STATUS, null, null, cause);
  }
}
