package dev.faxreports.cli.sink;

import dev.faxreports.DrainPage;
import java.io.Closeable;

/**
 * Where a drain stores its pages: the export file or a database. {@link #store} returns only when
 * the page is durable (forced to disk, committed), since the facade deletes it at the service then.
 */
public interface ReportSink extends Closeable {

  /**
   * Stores the page durably, or throws: then the page is not deleted at the service.
   *
   * @return how many of its reports were quarantined: stored only as their bytes, with the reason,
   *     because the sink could not take them as it takes the others (a database's typed rows); 0
   *     for a sink that keeps every report as it came
   */
  int store(DrainPage page);

  /** Where the reports go, fit to print: a file's absolute path, a database URL without secrets. */
  String where();

  /** Closes without a checked exception: every sink reports its own failures unchecked. */
  @Override
  void close();
}
