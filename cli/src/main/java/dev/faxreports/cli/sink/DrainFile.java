package dev.faxreports.cli.sink;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import dev.faxreports.error.InvalidArgumentException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The export file: JSON Lines appended page by page, each page written whole and forced to disk
 * before the drain may acknowledge it. A record left half-written by a crash is cut off when the
 * file is opened again — its page was never acknowledged, so it is exported again. A file that is
 * not an export of ours is refused untouched (see {@link ExistingExport}). A page is not
 * acknowledged once the file was removed or replaced under it (see {@link HeldFile}).
 */
final class DrainFile implements Closeable {

  private final Path path;
  private final FileChannel channel;
  private final HeldFile held;
  private final long repairedBytes;

  private DrainFile(Path path, FileChannel channel, HeldFile held, long repairedBytes) {
    this.path = path;
    this.channel = channel;
    this.held = held;
    this.repairedBytes = repairedBytes;
  }

  /**
   * Opens the file for appending, alone: a second drain into the same file (an overlapping cron
   * run) would write over this one's pages. A file this creates has its directory entry synced
   * too, or a crash could lose the whole file after its pages were deleted at the service.
   */
  static DrainFile open(Path path) {
    boolean created = !Files.exists(path);
    FileChannel channel;
    try {
      channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
          StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new InvalidArgumentException("cannot open " + path + " for writing: " + describe(e));
    }
    try {
      HeldFile held = HeldFile.at(path);
      if (!lockedAlone(channel)) {
        throw new InvalidArgumentException(path + " is being written by another drain; let it finish first");
      }
      long cut = ExistingExport.bytesToCut(channel, path); // refuses a file that is not ours
      if (cut > 0) {
        channel.truncate(channel.size() - cut);
      }
      channel.position(channel.size());
      if (created) {
        syncDirectoryOf(path);
      }
      return new DrainFile(path, channel, held, cut);
    } catch (IOException | RuntimeException e) {
      closeQuietly(channel);
      throw e instanceof IOException io ? new UncheckedIOException("cannot prepare " + path + ": " + describe(io), io)
          : (RuntimeException) e;
    }
  }

  /**
   * Writes {@code bytes} at the end and forces them, and the file's size, to the disk; then checks
   * that the path still names this file, since bytes forced into a file that was removed or
   * replaced meanwhile are lost with it.
   *
   * @throws UncheckedIOException when the bytes could not be written and forced, or the file was
   *     removed or replaced: either way the page must stay at the service
   */
  void appendAndSync(byte[] bytes) {
    try {
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path + ": " + describe(e), e);
    }
    String problem = held.problem();
    if (problem != null) {
      String message = problem + "; the page stays at the service";
      throw new UncheckedIOException(message, new IOException(message));
    }
  }

  /** Bytes of a half-written last line removed when the file was opened. */
  long repairedBytes() {
    return repairedBytes;
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  /** Null from tryLock: another process holds it; the exception: this JVM does. */
  private static boolean lockedAlone(FileChannel channel) throws IOException {
    try {
      return channel.tryLock() != null;
    } catch (java.nio.channels.OverlappingFileLockException heldHere) {
      return false;
    }
  }

  private static void syncDirectoryOf(Path file) {
    Path directory = file.toAbsolutePath().getParent();
    try (FileChannel entry = FileChannel.open(directory, StandardOpenOption.READ)) {
      entry.force(true);
    } catch (IOException notSupported) {
      // some platforms cannot open a directory; the file's own data is still forced per page
    }
  }

  private static void closeQuietly(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException ignored) {
      // already failing; the first error is the one to report
    }
  }

  private static String describe(IOException e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
  }
}
