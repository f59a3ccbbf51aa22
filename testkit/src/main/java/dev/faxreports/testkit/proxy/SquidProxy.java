package dev.faxreports.testkit.proxy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.codec.digest.Sha2Crypt;

/**
 * A real forward proxy for tests: Squid (Debian's {@code squid} package), started on a free
 * loopback port with a configuration of its own in a temporary directory, and stopped by {@link
 * #close()}. It tunnels HTTPS with CONNECT, can require Basic credentials (checked by Squid's own
 * {@code basic_ncsa_auth} against a password file), and can resolve host names that nothing else
 * on the machine can: a client that reaches such a name has provably gone through the proxy.
 *
 * <p>When Squid is not installed, {@link Builder#start()} fails saying what to install; it never
 * skips. As root, Squid drops to its own user, so its directory is opened to everyone (it holds
 * nothing but test data).
 *
 * <pre>{@code
 * try (SquidProxy proxy = SquidProxy.builder().resolve("faxws.de1.example.test")
 *     .basicAuth("proxy-user", "proxy-secret").start()) {
 *   // point the client at proxy.uri(); afterwards proxy.connects("faxws.de1.example.test")
 * }
 * }</pre>
 */
public final class SquidProxy implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
  private static final List<String> SQUID_LOCATIONS = List.of("/usr/sbin/squid", "/usr/local/sbin/squid");

  private final Process process;
  private final Path directory;
  private final int port;

  private SquidProxy(Process process, Path directory, int port) {
    this.process = process;
    this.directory = directory;
    this.port = port;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** {@code http://127.0.0.1:PORT}, without credentials. */
  public URI uri() {
    return URI.create("http://127.0.0.1:" + port);
  }

  public int port() {
    return port;
  }

  /** Squid's access log so far, one request per line (method, URL, user, result). */
  public List<String> accessLog() {
    try {
      Path log = directory.resolve("access.log");
      return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** How many CONNECT tunnels to {@code host} Squid let through (any port). */
  public long connects(String host) {
    String target = " " + host.toLowerCase(Locale.ROOT) + ":";
    return accessLog().stream()
        .filter(line -> line.contains(" CONNECT ") && line.toLowerCase(Locale.ROOT).contains(target))
        .filter(line -> !line.contains("_DENIED/"))
        .count();
  }

  /** How many requests Squid refused for want of valid credentials (407). */
  public long authenticationRefusals() {
    return accessLog().stream().filter(line -> line.contains("/407 ")).count();
  }

  /** Stops Squid and removes its directory. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    deleteQuietly(directory);
  }

  /** What the proxy does; {@link #start()} runs it. */
  public static final class Builder {
    private final Map<String, String> hosts = new LinkedHashMap<>();
    private String username;
    private String password;

    private Builder() {}

    /** Squid resolves {@code host} to 127.0.0.1; the client cannot, so it must use the proxy. */
    public Builder resolve(String host) {
      if (!host.matches("[A-Za-z0-9.-]+")) {
        throw new IllegalArgumentException("not a plain host name: " + host);
      }
      hosts.put(host, "127.0.0.1");
      return this;
    }

    /** Requires these Basic credentials ({@code 407} otherwise). */
    public Builder basicAuth(String username, String password) {
      if (username.isEmpty() || username.contains(":") || username.contains("\n") || password.contains("\n")) {
        throw new IllegalArgumentException("the user name must be non-empty without ':' or line breaks");
      }
      this.username = username;
      this.password = password;
      return this;
    }

    public SquidProxy start() {
      Path squid = squidBinary();
      Path directory = null;
      try {
        directory = Files.createTempDirectory("faxreports-squid-");
        openToEveryone(directory);
        int port = freePort();
        writeOpen(directory.resolve("hosts"), hostsFile());
        if (username != null) {
          writeOpen(directory.resolve("passwd"), username + ":" + Sha2Crypt.sha512Crypt(password.getBytes(StandardCharsets.UTF_8)) + "\n");
        }
        writeOpen(directory.resolve("squid.conf"), configuration(directory, port));
        Process process = new ProcessBuilder(squid.toString(), "-N", "-f", directory.resolve("squid.conf").toString())
            .redirectErrorStream(true)
            .redirectOutput(directory.resolve("squid.out").toFile())
            .start();
        awaitListening(process, directory, port);
        return new SquidProxy(process, directory, port);
      } catch (IOException e) {
        deleteQuietly(directory);
        throw new UncheckedIOException("could not start Squid", e);
      } catch (RuntimeException e) {
        deleteQuietly(directory);
        throw e;
      }
    }

    private String hostsFile() {
      StringBuilder lines = new StringBuilder("127.0.0.1 localhost\n");
      hosts.forEach((host, address) -> lines.append(address).append(' ').append(host).append('\n'));
      return lines.toString();
    }

    private String configuration(Path directory, int port) {
      String dir = directory.toString();
      List<String> lines = new ArrayList<>(List.of(
          "http_port 127.0.0.1:" + port,
          "pid_filename " + dir + "/squid.pid",
          "cache_log " + dir + "/cache.log",
          "access_log stdio:" + dir + "/access.log",
          "coredump_dir " + dir,
          "cache deny all",
          "cache_mem 8 MB",
          "pinger_enable off",
          "shutdown_lifetime 0 seconds",
          // Names come from our hosts file only: nothing this proxy is asked for reaches real DNS.
          "hosts_file " + dir + "/hosts",
          "dns_nameservers 127.0.0.1",
          "acl CONNECT method CONNECT"));
      if (username != null) {
        lines.add("auth_param basic program " + helper("basic_ncsa_auth") + " " + dir + "/passwd");
        lines.add("auth_param basic realm faxreports-test-proxy");
        lines.add("acl authenticated proxy_auth REQUIRED");
        lines.add("http_access allow authenticated");
        lines.add("http_access deny all");
      } else {
        lines.add("http_access allow all"); // it listens on loopback only
      }
      return String.join("\n", lines) + "\n";
    }
  }

  private static Path squidBinary() {
    return SQUID_LOCATIONS.stream().map(Path::of).filter(Files::isExecutable).findFirst()
        .orElseThrow(() -> new IllegalStateException("Squid is not installed (looked for "
            + SQUID_LOCATIONS + "); the proxy tests need a real forward proxy:"
            + " install it with `apt-get install squid` (Debian/Ubuntu)"));
  }

  private static String helper(String name) {
    for (String dir : List.of("/usr/lib/squid", "/usr/lib64/squid", "/usr/libexec/squid")) {
      Path helper = Path.of(dir, name);
      if (Files.isExecutable(helper)) {
        return helper.toString();
      }
    }
    throw new IllegalStateException("Squid's " + name + " helper is missing; reinstall the squid package");
  }

  private static void awaitListening(Process process, Path directory, int port) throws IOException {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Squid exited with " + process.exitValue() + " at start: "
            + tail(directory.resolve("squid.out")) + " " + tail(directory.resolve("cache.log")));
      }
      try (Socket probe = new Socket()) {
        probe.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        sleep(100);
      }
    }
    process.destroyForcibly();
    throw new IllegalStateException("Squid did not listen on port " + port + " within " + START_TIMEOUT
        + ": " + tail(directory.resolve("cache.log")));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static void writeOpen(Path file, String content) throws IOException {
    Files.writeString(file, content, StandardCharsets.UTF_8);
    trySetPermissions(file, "rw-r--r--");
  }

  private static void openToEveryone(Path directory) {
    trySetPermissions(directory, "rwxrwxrwx");
  }

  private static void trySetPermissions(Path path, String permissions) {
    try {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
    } catch (IOException | UnsupportedOperationException e) {
      // not POSIX, or not ours to change: Squid then runs as the same user and needs no more
    }
  }

  private static String tail(Path file) {
    try {
      if (!Files.exists(file)) {
        return "";
      }
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
    } catch (IOException e) {
      return "(unreadable " + file.getFileName() + ")";
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting Squid", e);
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
}
