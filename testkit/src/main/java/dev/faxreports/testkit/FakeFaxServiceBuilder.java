package dev.faxreports.testkit;

import dev.faxreports.model.DataCenter;
import dev.faxreports.model.Region;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Configures a {@link FakeFaxService}: its data centers, clock and retention. */
public final class FakeFaxServiceBuilder {

  /** How long the service keeps a report unless deleted. */
  public static final Duration DEFAULT_RETENTION = Duration.ofDays(30);

  private final List<DataCenter> dataCenters = new ArrayList<>();
  private Clock clock = Clock.systemUTC();
  private Duration retention = DEFAULT_RETENTION;

  FakeFaxServiceBuilder() {}

  /** The data centers of a region (added to any set before). */
  public FakeFaxServiceBuilder region(Region region) {
    region.dataCenters().forEach(this::dataCenter);
    return this;
  }

  public FakeFaxServiceBuilder dataCenters(DataCenter... more) {
    for (DataCenter dataCenter : more) {
      dataCenter(dataCenter);
    }
    return this;
  }

  /** A data center; any URL will do, the fake tells data centers apart by name. */
  public FakeFaxServiceBuilder dataCenter(DataCenter dataCenter) {
    if (dataCenters.stream().noneMatch(known -> known.name().equals(dataCenter.name()))) {
      dataCenters.add(dataCenter);
    }
    return this;
  }

  /** The clock that stamps seeded reports and expires them; inject one to test expiry. */
  public FakeFaxServiceBuilder clock(Clock clock) {
    this.clock = clock;
    return this;
  }

  public FakeFaxServiceBuilder retention(Duration retention) {
    if (retention == null || retention.isNegative() || retention.isZero()) {
      throw new IllegalArgumentException("retention must be positive");
    }
    this.retention = retention;
    return this;
  }

  public FakeFaxService build() {
    if (dataCenters.isEmpty()) {
      throw new IllegalStateException("the fake needs at least one data center");
    }
    List<String> names = dataCenters.stream().map(DataCenter::name).toList();
    return new FakeFaxService(dataCenters, new FakeStore(names, clock, retention));
  }
}
