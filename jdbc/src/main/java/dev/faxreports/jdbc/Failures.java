package dev.faxreports.jdbc;

import dev.faxreports.DrainPage;
import dev.faxreports.model.UserInfo;
import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.List;

/**
 * Turns a driver's, pool's or Flyway's failure into a {@link ReportStoreException} a person can
 * act on: the redacted URL, the failure in plain words, the database's own words — and never a
 * secret, neither in the message nor in the causes attached to it.
 */
final class Failures {

  private final JdbcSettings settings;
  private final Dialect dialect;
  /**
   * PostgreSQL's driver refused the server's demand at login (SQLSTATE 08004): among other things,
   * a password asked for and not given.
   */
  private static final String LOGIN_REFUSED_BY_THE_DRIVER = "08004";

  /** What must never be shown, worked out once: the settings never change. */
  private final List<String> secrets;

  Failures(JdbcSettings settings, Dialect dialect) {
    this.settings = settings;
    this.dialect = dialect;
    this.secrets = settings.secrets();
  }

  ReportStoreException opening(Throwable failure) {
    if (failure instanceof ReportStoreException already) {
      return already;
    }
    return new ReportStoreException("could not open the report store at " + settings.redactedUrl() + ": "
        + described(failure), sanitized(failure));
  }

  ReportStoreException storing(DrainPage page, Throwable failure) {
    return storing(page, failure, "");
  }

  /** The page failed twice: its connection was lost, and the second attempt, on a new one, failed too. */
  ReportStoreException storingRetried(DrainPage page, Throwable failure) {
    return storing(page, failure, ", also when tried again on a new connection");
  }

  private ReportStoreException storing(DrainPage page, Throwable failure, String retried) {
    return new ReportStoreException("could not store " + page.reports().size() + " reports from "
        + page.dataCenter().name() + " (round " + page.round() + ") in " + settings.redactedUrl() + ": "
        + described(failure) + retried + "; nothing of the page was stored, and it stays at the service",
        sanitized(failure));
  }

  /**
   * Whether {@code failure} was the connection's rather than the page's: the session is gone, so
   * the same page may well succeed on a new connection. That is SQLSTATE class 08 (connection
   * exception, the driver's "An I/O error occurred while sending to the backend" among them) and
   * its JDBC exception classes, PostgreSQL's 57P01 / 57P02 / 57P03 (the server terminated the
   * session, crashed, or is starting up — a restart), or a socket that failed under a driver that
   * said nothing more. A constraint, a read-only database, a full disk or a closed store are not:
   * they would fail again.
   */
  static boolean connectionLost(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
          || cause instanceof SocketException || cause instanceof EOFException) {
        return true;
      }
      if (cause instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) {
          return true;
        }
      }
    }
    return false;
  }

  ReportStoreException reading(Throwable failure) {
    return new ReportStoreException("could not read the report store at " + settings.redactedUrl() + ": "
        + described(failure), sanitized(failure));
  }

  /** "plain words (the database's words)", or just the database's words when there are no plain ones. */
  String described(Throwable failure) {
    String plain = plainWords(failure);
    String detail = scrub(innermostMessage(failure));
    return plain == null ? detail : plain + " (" + detail + ")";
  }

  private String plainWords(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && LOGIN_REFUSED_BY_THE_DRIVER.equals(sql.getSQLState())
          && settings.isPostgresql() && settings.password().isEmpty()) {
        return "credentials missing: the database asks for a password and none was given";
      }
      if (cause instanceof SQLException sql) {
        String explained = dialect.explain(sql);
        if (explained != null) {
          return explained;
        }
      }
    }
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof ConnectException || cause instanceof NoRouteToHostException
          || cause instanceof UnknownHostException || cause instanceof SocketTimeoutException
          || cause instanceof SQLTransientConnectionException) {
        return "database unreachable";
      }
    }
    return null;
  }

  /** The message closest to the root cause that says something. */
  private static String innermostMessage(Throwable failure) {
    String message = failure.getClass().getSimpleName();
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
        message = cause.getMessage().strip();
      }
    }
    return message.length() > 500 ? message.substring(0, 500) + "…" : message;
  }

  /** {@code text} without the URL as given (it may carry a password) or any password. */
  String scrub(String text) {
    if (text == null) {
      return null;
    }
    String scrubbed = text.replace(settings.url(), settings.redactedUrl());
    for (String secret : secrets) {
      scrubbed = scrubbed.replace(secret, UserInfo.MASK);
    }
    return scrubbed;
  }

  /**
   * The failure itself when no message in its chain shows a secret; else a copy of the chain with
   * the messages scrubbed (same classes named, same stack traces). A pool's message can quote the
   * URL as given, password parameter and all.
   */
  Throwable sanitized(Throwable failure) {
    boolean clean = true;
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      String message = cause.getMessage();
      if (message != null && !message.equals(scrub(message))) {
        clean = false;
      }
    }
    return clean ? failure : copy(failure);
  }

  private Throwable copy(Throwable failure) {
    if (failure == null) {
      return null;
    }
    RedactedCause copy = new RedactedCause(failure.getClass().getName() + ": " + scrub(failure.getMessage()),
        copy(failure.getCause()));
    copy.setStackTrace(failure.getStackTrace());
    return copy;
  }

  /** Stands in for a cause whose message showed a secret. */
  static final class RedactedCause extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RedactedCause(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
