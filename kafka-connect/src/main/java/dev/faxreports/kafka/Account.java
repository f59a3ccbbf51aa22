package dev.faxreports.kafka;

import dev.faxreports.model.Credentials;
import dev.faxreports.model.DataCenter;
import java.util.List;

/**
 * One Retarus account the connector drains: a customer number, its credentials, and the data
 * centers its reports live in.
 *
 * @param name the account's name in the connector configuration ({@code account.NAME.*})
 * @param customerNumber the Retarus customer number
 * @param credentials the account's Basic-auth credentials; never shown by {@code toString}
 * @param dataCenters where its jobs are processed, each drained as its own {@link Pair}
 */
public record Account(String name, String customerNumber, Credentials credentials, List<DataCenter> dataCenters) {

  public Account {
    dataCenters = List.copyOf(dataCenters);
  }

  /** This account's units of work, one per data center. */
  public List<Pair> pairs() {
    return dataCenters.stream().map(dataCenter -> new Pair(name, dataCenter.name())).toList();
  }
}
