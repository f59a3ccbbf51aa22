package dev.faxreports.benchmarks;

import dev.faxreports.jdbc.JdbcReportStore;
import dev.faxreports.jdbc.JdbcSettings;
import dev.faxreports.testsupport.postgres.PostgresCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Drains into the JDBC store, each into a database nobody used before: a real PostgreSQL server
 * on loopback with its durability on ({@code fsync}, as in production), and SQLite files in a
 * temporary directory ({@code synchronous=FULL}).
 */
final class JdbcDrains implements AutoCloseable {

  private final PostgresCluster postgres = PostgresCluster.builder().durable(true).start();
  private final Path directory;
  private int databases;

  JdbcDrains() throws IOException {
    directory = Files.createTempDirectory("bench-sqlite-");
  }

  JdbcSettings freshPostgres() {
    String name = "bench_" + (++databases);
    postgres.superuserSql("CREATE DATABASE " + name + " OWNER " + postgres.username());
    String url = postgres.jdbcUrl().substring(0, postgres.jdbcUrl().lastIndexOf('/') + 1) + name;
    return JdbcSettings.of(url, postgres.username(), postgres.password());
  }

  JdbcSettings freshSqlite() {
    return JdbcSettings.sqlite(directory.resolve("bench-" + (++databases) + ".db"));
  }

  /** One drain of {@code perDataCenter} reports per data center into {@code settings}' database. */
  NetworkDrains.Measured drain(NetworkDrains drains, String transport, int perDataCenter, JdbcSettings settings) {
    try (JdbcReportStore store = JdbcReportStore.open(settings)) {
      NetworkDrains.Measured measured = drains.drain(transport, NetworkDrains.Wire.IDENTITY, perDataCenter, null, store);
      if (store.countReports() != 2L * perDataCenter) {
        throw new IllegalStateException("stored " + store.countReports() + " of " + 2 * perDataCenter);
      }
      return measured;
    }
  }

  @Override
  public void close() {
    postgres.close();
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // a temporary directory left behind is harmless
    }
  }
}
