package dev.faxreports.testsupport.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Who runs the server's programs. PostgreSQL refuses to run as root, so when the build is root
 * they run as {@code nobody} (an account every Debian-like system has) through {@code runuser},
 * and the files they use are handed to it; otherwise they run as the build's own user.
 */
final class ServerAccount {

  private static final String UNPRIVILEGED = "nobody";
  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);

  private final boolean switchUser;

  private ServerAccount(boolean switchUser) {
    this.switchUser = switchUser;
  }

  static ServerAccount forThisJvm() {
    return new ServerAccount("root".equals(System.getProperty("user.name")));
  }

  /** Makes {@code path} the server account's (a no-op when that is the build's own user). */
  void own(Path path) {
    if (!switchUser) {
      return;
    }
    UserPrincipalLookupService users = path.getFileSystem().getUserPrincipalLookupService();
    try {
      Files.setOwner(path, users.lookupPrincipalByName(UNPRIVILEGED));
    } catch (IOException e) {
      throw new IllegalStateException("the build runs as root, and PostgreSQL refuses root; it runs as `"
          + UNPRIVILEGED + "`, but that account could not be given " + path, e);
    }
  }

  /** Runs a server program and returns what it printed; fails, with its output, on a non-zero exit. */
  String run(List<String> command, Path directory, Path log) {
    List<String> full = new ArrayList<>();
    if (switchUser) {
      full.addAll(List.of("runuser", "-u", UNPRIVILEGED, "--"));
    }
    full.addAll(command);
    ProcessBuilder builder = new ProcessBuilder(full).directory(directory.toFile()).redirectErrorStream(true);
    builder.environment().put("LC_ALL", "C");
    builder.environment().remove("PGPASSWORD");
    String program = Path.of(command.get(0)).getFileName().toString();
    try {
      Process process = builder.start();
      process.getOutputStream().close();
      // pg_ctl's server inherits no pipe of ours (it logs to a file), so this read ends with pg_ctl.
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(program + " did not finish within " + COMMAND_TIMEOUT);
      }
      String text = new String(output, StandardCharsets.UTF_8);
      if (process.exitValue() != 0) {
        throw new IllegalStateException(program + " " + String.join(" ", command.subList(1, Math.min(2, command.size())))
            + " failed (exit " + process.exitValue() + "): " + text.strip() + logTail(log));
      }
      return text;
    } catch (IOException e) {
      throw new UncheckedIOException("could not run " + program, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + program, e);
    }
  }

  private static String logTail(Path log) {
    try {
      if (log == null || !Files.exists(log)) {
        return "";
      }
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return " | log: " + String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
    } catch (IOException e) {
      return "";
    }
  }
}
