package dev.faxreports.cli.sink;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A file a sink keeps open — the export file, a SQLite database — known by its file key (device
 * and inode on Linux and macOS), so that a page is never acknowledged after the file was removed
 * or replaced under the tool: writes would go on into a file no name reaches any more, synced and
 * committed, and lost with the last descriptor, while the service deletes the reports.
 *
 * <p>On a file system without file keys (none of the usual Linux or macOS ones) there is nothing to
 * compare, and {@link #problem()} finds none.
 */
final class HeldFile {

  private final Path path;
  private final Object key;

  private HeldFile(Path path, Object key) {
    this.path = path;
    this.key = key;
  }

  /** The file {@code path} names now; take it right after opening the file. */
  static HeldFile at(Path path) throws IOException {
    Path absolute = path.toAbsolutePath();
    return new HeldFile(absolute, key(absolute));
  }

  /**
   * Null while {@code path} still names the file held; otherwise what is wrong, in a few words
   * ("/var/fax/reports.jsonl was removed or replaced while in use").
   */
  String problem() {
    if (key == null) {
      return null;
    }
    try {
      return key.equals(key(path)) ? null : path + " was removed or replaced while in use";
    } catch (NoSuchFileException removed) {
      return path + " was removed or replaced while in use";
    } catch (IOException e) {
      return "cannot tell whether " + path + " is still the file in use (" + e + ")";
    }
  }

  private static Object key(Path path) throws IOException {
    return Files.readAttributes(path, BasicFileAttributes.class).fileKey();
  }
}
