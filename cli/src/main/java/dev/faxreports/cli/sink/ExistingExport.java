package dev.faxreports.cli.sink;

import dev.faxreports.error.InvalidArgumentException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Decides whether a drain may append to a file that already exists, and what it may cut: only a
 * half-written last record of our own format, left by a crash (its page was never acknowledged, so
 * it is exported again). Anything else — a binary, a text file, a pretty-printed JSON document, a
 * typo in {@code --out} naming a precious file — is refused and left byte for byte as it was.
 *
 * <p>It reads the start of the file and its tail, never the whole of it: an export can be many
 * gigabytes.
 */
public final class ExistingExport {
  private ExistingExport() {}

  /**
   * How every line of an export starts. It is the one part of the line format that stays put:
   * today a line is {@code {"dataCenter":"DE1","jobId":…}}, the archive-fidelity format is {@code
   * {"dataCenter":"DE1","report":{…the server's JSON…}}}, and a check that wanted more would refuse
   * the files of one or the other.
   */
  public static final String RECORD_START = "{\"dataCenter\":\"";

  private static final byte[] START = RECORD_START.getBytes(StandardCharsets.UTF_8);

  /**
   * How far back a line break is looked for. A line is one report, far below this; a file with no
   * line break in this many bytes at its end is not an export of ours.
   */
  static final long MAX_LINE_BYTES = 64L * 1024 * 1024;

  private static final int CHUNK = 64 * 1024;

  /**
   * The number of bytes to cut from the end of the file before appending: 0 for an empty file or a
   * whole export, the length of a half-written last record otherwise.
   *
   * @throws InvalidArgumentException naming the file and why, when it is not an export of ours
   */
  static long bytesToCut(FileChannel channel, Path path) throws IOException {
    long size = channel.size();
    if (size == 0) {
      return 0;
    }
    long lastBreak = lastLineBreak(channel, size);
    if (lastBreak < 0) {
      if (size > MAX_LINE_BYTES) {
        throw refused(path, "it has no line break in its last " + MAX_LINE_BYTES / (1024 * 1024) + " MiB");
      }
      if (!startsRecord(channel, 0, size)) { // no line at all: it must be a half-written first record
        throw refused(path, "it has no line break and does not start like a faxreports record ("
            + RECORD_START + "…)");
      }
      return size;
    }
    if (!startsRecord(channel, 0, size)) {
      throw refused(path, "its first line is not a faxreports record (" + RECORD_START + "…)");
    }
    long previousBreak = lastLineBreak(channel, lastBreak);
    if (previousBreak < 0 && lastBreak > MAX_LINE_BYTES) {
      throw refused(path, "its last line is longer than " + MAX_LINE_BYTES / (1024 * 1024) + " MiB");
    }
    long lastLineStart = previousBreak + 1;
    if (lastBreak - lastLineStart < START.length || !startsRecord(channel, lastLineStart, size)) {
      throw refused(path, "its last complete line is not a faxreports record (" + RECORD_START + "…)");
    }
    long tail = size - (lastBreak + 1);
    if (tail > 0 && !startsRecord(channel, lastBreak + 1, size)) {
      throw refused(path, "it ends in " + tail + " bytes after its last line break that are not the"
          + " start of a faxreports record");
    }
    return tail;
  }

  private static InvalidArgumentException refused(Path path, String why) {
    return new InvalidArgumentException(path + " is not a faxreports export: " + why + "; a drain only"
        + " appends to its own JSON Lines files, so it was left untouched (choose another --out FILE)");
  }

  /**
   * Whether the bytes from {@code at} to the end of the line (or file) begin like a record: with
   * {@link #RECORD_START}, or — when fewer bytes than that were written before a crash — with a
   * non-empty beginning of it.
   */
  private static boolean startsRecord(FileChannel channel, long at, long size) throws IOException {
    int length = (int) Math.min(START.length, size - at);
    if (length <= 0) {
      return false;
    }
    // A line break among these bytes makes them differ from the start, which has none.
    return Arrays.equals(read(channel, at, length), 0, length, START, 0, length);
  }

  /** The position of the last {@code \n} before {@code end}, as far back as a line may be long; -1 if none. */
  private static long lastLineBreak(FileChannel channel, long end) throws IOException {
    long limit = Math.max(0, end - MAX_LINE_BYTES);
    ByteBuffer chunk = ByteBuffer.allocate(CHUNK);
    while (end > limit) {
      long start = Math.max(limit, end - CHUNK);
      chunk.clear().limit((int) (end - start));
      readFully(channel, chunk, start);
      for (int i = chunk.limit() - 1; i >= 0; i--) {
        if (chunk.get(i) == '\n') {
          return start + i;
        }
      }
      end = start;
    }
    return -1;
  }

  private static byte[] read(FileChannel channel, long at, int length) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(length);
    readFully(channel, buffer, at);
    return buffer.array();
  }

  private static void readFully(FileChannel channel, ByteBuffer buffer, long at) throws IOException {
    long position = at;
    while (buffer.hasRemaining()) {
      int read = channel.read(buffer, position);
      if (read < 0) {
        throw new IOException("the file shrank while being read");
      }
      position += read;
    }
  }
}
