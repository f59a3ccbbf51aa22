package dev.faxreports.testkit.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real, throwaway PostgreSQL server for tests: {@code initdb} into a temporary directory, {@code
 * pg_ctl start} on a free loopback port (TCP on 127.0.0.1 only, its Unix socket inside that
 * directory), with a database and a password user of its own. {@link #stop()} and {@link #start()}
 * restart it on the same port and data, as a database restarted under a running application is;
 * {@link #close()} stops it and deletes everything.
 *
 * <p>The binaries are Debian's ({@code /usr/lib/postgresql/VERSION/bin}, else {@code initdb} on
 * the {@code PATH}). Without them {@link Builder#start()} fails saying what to install; it never
 * skips. PostgreSQL refuses to run as root, so when the JVM is root the server runs as the {@code
 * postgres} user (through {@code runuser}), owning its directory.
 *
 * <pre>{@code
 * try (PostgresCluster postgres = PostgresCluster.builder().start()) {
 *   // connect to postgres.jdbcUrl() as postgres.username() / postgres.password()
 * }
 * }</pre>
 */
public final class PostgresCluster implements AutoCloseable {

  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);
  private static final String SUPERUSER = "postgres";
  private static final String DATABASE = "faxreports";
  private static final String USER = "faxreports";

  private final Path bin;
  private final Path directory;
  private final int port;
  private final String password;
  private final boolean asPostgresUser;
  private final Thread shutdownHook;
  private boolean running;

  private PostgresCluster(Path bin, Path directory, int port, String password, boolean asPostgresUser) {
    this.bin = bin;
    this.directory = directory;
    this.port = port;
    this.password = password;
    this.asPostgresUser = asPostgresUser;
    // pg_ctl starts the server as a daemon: it would outlive a test JVM that dies without close().
    this.shutdownHook = new Thread(this::stopImmediately, "postgres-cluster-stop");
  }

  public static Builder builder() {
    return new Builder();
  }

  /** {@code jdbc:postgresql://127.0.0.1:PORT/faxreports}, without credentials. */
  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
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

  public boolean isRunning() {
    return running;
  }

  /**
   * Runs SQL as the superuser over the Unix socket (for what a test user may not do, such as ending
   * other sessions) and returns psql's unaligned output.
   */
  public String superuserSql(String sql) {
    return run(List.of(bin.resolve("psql").toString(), "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1",
        "-h", socketDirectory().toString(), "-p", Integer.toString(port), "-U", SUPERUSER, "-d", DATABASE,
        "-c", sql));
  }

  /** Stops the server the way an administrator restarting it does (fast shutdown: sessions are ended). */
  public synchronized void stop() {
    if (running) {
      run(List.of(pgCtl(), "stop", "-D", data().toString(), "-m", "fast", "-w", "-t", "30"));
      running = false;
    }
  }

  /** Starts the server again, on the same port and data. */
  public synchronized void start() {
    if (!running) {
      run(List.of(pgCtl(), "start", "-D", data().toString(), "-l", directory.resolve("postgres.log").toString(),
          "-w", "-t", "30"));
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
    deleteQuietly(directory);
  }

  private synchronized void stopImmediately() {
    if (running) {
      try {
        run(List.of(pgCtl(), "stop", "-D", data().toString(), "-m", "immediate", "-w", "-t", "30"));
      } catch (RuntimeException e) {
        // best effort: the directory goes anyway
      }
      running = false;
    }
  }

  private Path data() {
    return directory.resolve("data");
  }

  private Path socketDirectory() {
    return directory.resolve("socket");
  }

  private String pgCtl() {
    return bin.resolve("pg_ctl").toString();
  }

  private String run(List<String> command) {
    return Commands.run(asPostgresUser, command, directory);
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
      Path bin = binaries();
      boolean asPostgresUser = "root".equals(System.getProperty("user.name"));
      Path directory = null;
      try {
        directory = Files.createTempDirectory("faxreports-pg-");
        if (asPostgresUser) {
          giveToPostgres(directory);
        }
        String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
        Commands.run(asPostgresUser, List.of("mkdir", "-m", "700", directory.resolve("socket").toString()), directory);
        Commands.run(asPostgresUser, List.of(bin.resolve("initdb").toString(), "-D", directory.resolve("data").toString(),
            "-U", SUPERUSER, "-E", "UTF8", "--locale=C", "--auth-local=trust", "--auth-host=scram-sha-256",
            "--no-sync", "--no-instructions"), directory);
        int port = freePort();
        Commands.run(asPostgresUser, List.of("sh", "-c", "cat >> \"$0\"", directory.resolve("data/postgresql.conf").toString()),
            directory, configuration(directory, port));
        PostgresCluster cluster = new PostgresCluster(bin, directory, port, password, asPostgresUser);
        Runtime.getRuntime().addShutdownHook(cluster.shutdownHook);
        cluster.start();
        cluster.superuserSqlOn("postgres", "CREATE ROLE " + USER + " LOGIN PASSWORD '" + password + "'");
        cluster.superuserSqlOn("postgres", "CREATE DATABASE " + DATABASE + " OWNER " + USER);
        return cluster;
      } catch (IOException e) {
        deleteQuietly(directory);
        throw new UncheckedIOException("could not create the PostgreSQL test cluster", e);
      } catch (RuntimeException e) {
        deleteQuietly(directory);
        throw e;
      }
    }

    private String configuration(Path directory, int port) {
      List<String> lines = new ArrayList<>(List.of(
          "",
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

  private void superuserSqlOn(String database, String sql) {
    run(List.of(bin.resolve("psql").toString(), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h",
        socketDirectory().toString(), "-p", Integer.toString(port), "-U", SUPERUSER, "-d", database, "-c", sql));
  }

  private static Path binaries() {
    List<Path> candidates = new ArrayList<>();
    Path debian = Path.of("/usr/lib/postgresql");
    if (Files.isDirectory(debian)) {
      try (DirectoryStream<Path> versions = Files.newDirectoryStream(debian)) {
        versions.forEach(version -> candidates.add(version.resolve("bin")));
      } catch (IOException e) {
        // fall through to the PATH
      }
      candidates.sort(Comparator.comparing((Path p) -> versionOf(p)).reversed());
    }
    for (String entry : Optional.ofNullable(System.getenv("PATH")).orElse("").split(":")) {
      if (!entry.isEmpty()) {
        candidates.add(Path.of(entry));
      }
    }
    return candidates.stream()
        .filter(dir -> Files.isExecutable(dir.resolve("initdb")) && Files.isExecutable(dir.resolve("pg_ctl"))
            && Files.isExecutable(dir.resolve("psql")))
        .map(PostgresCluster::realDirectory)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("PostgreSQL is not installed (looked for initdb, pg_ctl and"
            + " psql in /usr/lib/postgresql/*/bin and on the PATH); the database tests need a real server:"
            + " install it with `apt-get install postgresql` (Debian/Ubuntu)"));
  }

  private static int versionOf(Path bin) {
    try {
      return Integer.parseInt(bin.getParent().getFileName().toString().replaceAll("\\D.*", ""));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** The directory of the real initdb: /usr/local/bin may hold links into Debian's directory. */
  private static Path realDirectory(Path bin) {
    try {
      return bin.resolve("initdb").toRealPath().getParent();
    } catch (IOException e) {
      return bin;
    }
  }

  private static void giveToPostgres(Path directory) throws IOException {
    UserPrincipalLookupService users = directory.getFileSystem().getUserPrincipalLookupService();
    PosixFileAttributeView view = Files.getFileAttributeView(directory, PosixFileAttributeView.class);
    try {
      view.setOwner(users.lookupPrincipalByName(SUPERUSER));
      GroupPrincipal group = users.lookupPrincipalByGroupName(SUPERUSER);
      view.setGroup(group);
    } catch (IOException e) {
      throw new IllegalStateException("running as root, but there is no `postgres` user to run PostgreSQL as"
          + " (PostgreSQL refuses root): install the server with `apt-get install postgresql`", e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static void deleteQuietly(Path directory) {
    if (directory == null) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // a temporary directory left behind is harmless
    }
  }

  /** Runs the server's programs, as the {@code postgres} user when the JVM is root. */
  private static final class Commands {
    private Commands() {}

    static String run(boolean asPostgresUser, List<String> command, Path directory) {
      return run(asPostgresUser, command, directory, null);
    }

    static String run(boolean asPostgresUser, List<String> command, Path directory, String input) {
      List<String> full = new ArrayList<>();
      if (asPostgresUser) {
        full.addAll(List.of("runuser", "-u", SUPERUSER, "--"));
      }
      full.addAll(command);
      ProcessBuilder builder = new ProcessBuilder(full).directory(directory.toFile()).redirectErrorStream(true);
      builder.environment().put("LC_ALL", "C");
      builder.environment().remove("PGPASSWORD");
      try {
        Process process = builder.start();
        try (var stdin = process.getOutputStream()) {
          if (input != null) {
            stdin.write(input.getBytes(StandardCharsets.UTF_8));
          }
        }
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
          process.destroyForcibly();
          throw new IllegalStateException(command.get(0) + " did not finish within " + COMMAND_TIMEOUT);
        }
        String text = new String(output, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
          throw new IllegalStateException(Path.of(command.get(0)).getFileName() + " " + command.get(1)
              + " failed (exit " + process.exitValue() + "): " + text.strip() + logTail(directory));
        }
        return text;
      } catch (IOException e) {
        throw new UncheckedIOException("could not run " + command.get(0), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while running " + command.get(0), e);
      }
    }

    private static String logTail(Path directory) {
      Path log = directory.resolve("postgres.log");
      try {
        if (!Files.exists(log)) {
          return "";
        }
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return " | log: " + String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
      } catch (IOException e) {
        return "";
      }
    }
  }
}
