package dev.faxreports.cli;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The export file: JSON Lines appended page by page, each page written whole and forced to disk
 * before the drain may acknowledge it. A line left half-written by a crash is cut off when the
 * file is opened again — its page was never acknowledged, so it is exported again.
 */
final class DrainFile implements Closeable {

  private final Path path;
  private final FileChannel channel;
  private final long repairedBytes;
  private long written;

  private DrainFile(Path path, FileChannel channel, long repairedBytes) {
    this.path = path;
    this.channel = channel;
    this.repairedBytes = repairedBytes;
  }

  static DrainFile open(Path path) throws IOException {
    FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE);
    try {
      long cut = cutOffPartialLastLine(channel);
      channel.position(channel.size());
      return new DrainFile(path, channel, cut);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /** Writes {@code bytes} at the end and forces them, and the file's size, to the disk. */
  void appendAndSync(byte[] bytes) {
    try {
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(true);
      written += bytes.length;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
    }
  }

  /** Bytes of a half-written last line removed when the file was opened. */
  long repairedBytes() {
    return repairedBytes;
  }

  long bytesWritten() {
    return written;
  }

  Path path() {
    return path;
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  private static long cutOffPartialLastLine(FileChannel channel) throws IOException {
    long size = channel.size();
    if (size == 0 || lastByte(channel, size) == '\n') {
      return 0;
    }
    long end = size;
    ByteBuffer chunk = ByteBuffer.allocate(8192);
    while (end > 0) {
      long start = Math.max(0, end - chunk.capacity());
      chunk.clear().limit((int) (end - start));
      channel.read(chunk, start);
      for (int i = chunk.position() - 1; i >= 0; i--) {
        if (chunk.get(i) == '\n') {
          long keep = start + i + 1;
          channel.truncate(keep);
          return size - keep;
        }
      }
      end = start;
    }
    channel.truncate(0);
    return size;
  }

  private static byte lastByte(FileChannel channel, long size) throws IOException {
    ByteBuffer one = ByteBuffer.allocate(1);
    channel.read(one, size - 1);
    return one.get(0);
  }
}
