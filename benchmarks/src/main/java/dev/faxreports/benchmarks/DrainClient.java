package dev.faxreports.benchmarks;

import dev.faxreports.DrainSummary;
import dev.faxreports.FaxReports;
import dev.faxreports.model.Credentials;
import dev.faxreports.model.DataCenter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One drain in a JVM of its own (started by {@link RunAll} with a small heap): {@code DrainClient
 * feign|vertx|baseline NAME=URL,…}; credentials in BENCH_USER, BENCH_PASSWORD. Prints one line:
 * {@code RESULT client reports seconds maxHeapMiB}.
 */
public final class DrainClient {
  private DrainClient() {}

  public static void main(String[] args) {
    String client = args[0];
    List<DataCenter> dataCenters = Arrays.stream(args[1].split(",")).map(DataCenter::of).toList();
    Credentials credentials = new Credentials(System.getenv("BENCH_USER"), System.getenv("BENCH_PASSWORD"));
    long start = System.nanoTime();
    long drained;
    if (client.equals("baseline")) {
      drained = new BaselineDrain(RunAll.CUSTOMER, credentials).drain(dataCenters);
    } else {
      try (FaxReports reports = FaxReports.builder().dataCenters(dataCenters).customerNumber(RunAll.CUSTOMER)
          .credentials(credentials).transportName(client).build()) {
        DrainSummary summary = reports.drain(page -> { });
        drained = summary.acknowledged();
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.println(String.format(Locale.ROOT, "RESULT %s %d %.3f %d", client, drained, seconds,
        Runtime.getRuntime().maxMemory() / (1024 * 1024)));
  }
}
