package dev.faxreports.cli;

import dev.faxreports.DataCenterOutcome;
import dev.faxreports.error.AuthenticationException;
import dev.faxreports.error.DataCenterFailureException;
import dev.faxreports.error.FaxReportsException;
import dev.faxreports.error.InvalidArgumentException;
import dev.faxreports.error.NotFoundException;
import dev.faxreports.jdbc.ReportStoreException;

/** The tool's exit codes, and which failure means which. */
public final class ExitCodes {
  private ExitCodes() {}

  public static final int SUCCESS = 0;
  /** Some data center failed; the rest was done. */
  public static final int PARTIAL = 1;
  /** Bad usage or an invalid argument; nothing was sent. */
  public static final int USAGE = 2;
  public static final int AUTHENTICATION = 3;
  public static final int NOT_FOUND = 4;
  /** Any other service or transport failure. */
  public static final int FAILURE = 5;

  public static int of(Throwable failure) {
    if (failure instanceof InvalidArgumentException) {
      return USAGE;
    }
    if (failure instanceof DataCenterFailureException every) {
      // Credentials are the same for every data center: one rejection means they are wrong.
      if (every.failures().values().stream().anyMatch(AuthenticationException.class::isInstance)) {
        return AUTHENTICATION;
      }
      return every.allFailuresAre(NotFoundException.class) ? NOT_FOUND : FAILURE;
    }
    if (failure instanceof AuthenticationException) {
      return AUTHENTICATION;
    }
    if (failure instanceof NotFoundException) {
      return NOT_FOUND;
    }
    return FAILURE;
  }

  /** 0, or 1 after naming each data center that failed and why. */
  public static int of(DataCenterOutcome outcome, Session session) {
    outcome.failures().forEach((dataCenter, failure) ->
        session.say("data center " + dataCenter.name() + " failed: " + failure.getMessage()));
    return outcome.isComplete() ? SUCCESS : PARTIAL;
  }

  /** A failure's message for stderr. */
  public static String describe(Throwable failure) {
    return failure instanceof FaxReportsException || failure instanceof java.io.UncheckedIOException
        || failure instanceof ReportStoreException
        ? failure.getMessage() // these say what and where ("cannot write FILE: …", the database and why)
        : failure.getClass().getSimpleName() + ": " + failure.getMessage();
  }
}
