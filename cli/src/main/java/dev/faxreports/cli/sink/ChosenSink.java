package dev.faxreports.cli.sink;

import dev.faxreports.cli.Session;
import java.util.function.Function;

/**
 * A sink the command line chose, checked but not opened yet: {@code drain} opens it once, {@code
 * watch} again after a round that failed (a file repairs a half-written line, a pool reconnects).
 *
 * @param where where the reports go, fit to print before anything is opened: a file's absolute
 *     path, a database URL without its secrets
 * @param opener opens it; what cannot be opened is said in the tool's terms
 */
public record ChosenSink(String where, Function<Session, ReportSink> opener) {

  /** Opens the sink, for a drain to store into. */
  public ReportSink open(Session session) {
    return opener.apply(session);
  }
}
