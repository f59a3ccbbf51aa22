package dev.faxreports.cli;

import dev.faxreports.error.InvalidArgumentException;
import dev.faxreports.model.DataCenter;
import java.util.List;

/**
 * The tool's check that every endpoint is a v1 base URL: its path ends in {@code /rest/v1}, as every
 * Retarus data-center URL does ({@code https://faxws.de1.retarus.com/rest/v1}) and as a proxy that
 * forwards below a prefix keeps it ({@code https://proxy.example/retarus/de1/rest/v1}).
 *
 * <p>Why refuse instead of trying: below any other path each request answers 404, and only the list
 * could tell that from an answer. {@code get} would report "not found", {@code bulk-get} would narrow
 * its chunks down to single IDs and print nothing, {@code bulk-delete} would print NOT_FOUND for
 * every ID — all of it looking like a real answer, with exit 0 or 4. Refused here, nothing is sent.
 */
final class ApiBasePath {
  private ApiBasePath() {}

  /** The end of every v1 base URL's path. */
  static final String SUFFIX = "/rest/v1";

  /** Throws a usage error naming the first data center whose URL does not end in {@link #SUFFIX}. */
  static void require(List<DataCenter> dataCenters) {
    for (DataCenter dataCenter : dataCenters) {
      String path = dataCenter.baseUri().getRawPath(); // stored without a trailing slash
      if (path == null || !path.endsWith(SUFFIX)) {
        throw new InvalidArgumentException("endpoint " + dataCenter.baseUri() + " (data center "
            + dataCenter.name() + ") is not a v1 base URL: its path must end in " + SUFFIX
            + ", such as " + DataCenter.DE1.baseUri() + "; below any other path the service answers"
            + " every request with 404 Not Found");
      }
    }
  }
}
