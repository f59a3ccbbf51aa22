package dev.faxreports.testkit;

import com.sun.net.httpserver.HttpExchange;
import dev.faxreports.wire.WireFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * The fake server's hostile answers: bodies too large to hold, endless, or inflating to a
 * gigabyte. Each is streamed from a small buffer, so the fake itself never holds them; a client
 * that hangs up ends the stream quietly.
 */
final class HostileAnswers {
  private HostileAnswers() {}

  private static final byte[] OPEN = "{\"reports\":[".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] CLOSE = "]}".getBytes(StandardCharsets.US_ASCII);
  /** One plausible report and the comma before the next one. */
  private static final byte[] ITEM = item();
  private static final int CHUNK = 64 * 1024;

  /** Computed on first use (about 1 MB), then shared: it is the same for every request. */
  private static volatile byte[] gzipBomb;

  /** A complete JSON listing of exactly {@code bytes} bytes with this status. */
  static void sendOversized(HttpExchange exchange, int status, long bytes) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
    exchange.sendResponseHeaders(status, bytes);
    try (OutputStream out = exchange.getResponseBody()) {
      long room = bytes - OPEN.length - CLOSE.length;
      if (room < 0) { // too small for a listing: spaces are still a body of that size
        writeSpaces(out, bytes);
        return;
      }
      // Whole items, the last one without its comma; spaces before it make up the difference.
      long items = (room + 1) / ITEM.length;
      long padding = items == 0 ? room : room - (items * ITEM.length - 1);
      long itemsPerChunk = CHUNK / ITEM.length;
      byte[] chunk = repeated(ITEM, (int) itemsPerChunk);
      out.write(OPEN);
      for (long left = items - 1; left > 0; left -= itemsPerChunk) {
        out.write(chunk, 0, (int) (Math.min(left, itemsPerChunk) * ITEM.length));
      }
      writeSpaces(out, padding);
      if (items > 0) {
        out.write(ITEM, 0, ITEM.length - 1);
      }
      out.write(CLOSE);
    } catch (IOException clientHungUp) {
      // what a client with a limit does: nothing to report
    }
  }

  /**
   * A chunked 200 listing that never closes: items as fast as the client reads, until it hangs up,
   * {@code limit} passes or the server stops.
   */
  static void sendEndless(HttpExchange exchange, Duration limit) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
    exchange.sendResponseHeaders(200, 0);
    long until = System.nanoTime() + limit.toNanos();
    byte[] chunk = repeated(ITEM, CHUNK / ITEM.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(OPEN);
      while (System.nanoTime() < until && !Thread.currentThread().isInterrupted()) {
        out.write(chunk);
        out.flush();
      }
    } catch (IOException clientHungUp) {
      // the expected end
    }
  }

  /** About 1 MB of gzip that inflates to {@link Fault#GZIP_BOMB_INFLATED_BYTES} of JSON. */
  static void sendGzipBomb(HttpExchange exchange) throws IOException {
    byte[] body = gzipBomb();
    exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
    exchange.getResponseHeaders().set("Content-Encoding", "gzip");
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    } catch (IOException clientHungUp) {
      // a client that stops early is right to
    }
  }

  /** {@code body} gzip-compressed, for an honest compressed answer. */
  static byte[] gzip(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
    try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
      zip.write(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * The bomb as gzip members (RFC 1952 allows several, and every decoder reads them as one stream):
   * the listing's opening, 1024 copies of one member of 1 MiB of spaces — compressed once, so
   * building the bomb costs milliseconds, not a gigabyte of deflating — and its closing.
   */
  static byte[] gzipBomb() {
    byte[] bomb = gzipBomb;
    if (bomb == null) {
      int megabytes = (int) (Fault.GZIP_BOMB_INFLATED_BYTES >> 20);
      byte[] spaces = gzipBest(filled(1 << 20, (byte) ' '));
      ByteArrayOutputStream out = new ByteArrayOutputStream(spaces.length * megabytes + 128);
      out.writeBytes(gzip(OPEN));
      for (int i = 0; i < megabytes; i++) {
        out.writeBytes(spaces);
      }
      out.writeBytes(gzip(CLOSE));
      bomb = out.toByteArray();
      gzipBomb = bomb;
    }
    return bomb;
  }

  private static byte[] gzipBest(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream zip = new GZIPOutputStream(out) {
      {
        def.setLevel(Deflater.BEST_COMPRESSION);
      }
    }) {
      zip.write(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static byte[] item() {
    byte[] report = WireFormat.writeReport(
        SampleReports.delivered("HOSTILE-PADDING", Instant.parse("2024-01-01T00:00:00Z")));
    byte[] item = Arrays.copyOf(report, report.length + 1);
    item[report.length] = ',';
    return item;
  }

  private static byte[] repeated(byte[] unit, int times) {
    byte[] all = new byte[unit.length * Math.max(1, times)];
    for (int at = 0; at < all.length; at += unit.length) {
      System.arraycopy(unit, 0, all, at, unit.length);
    }
    return all;
  }

  private static byte[] filled(int length, byte value) {
    byte[] bytes = new byte[length];
    Arrays.fill(bytes, value);
    return bytes;
  }

  private static void writeSpaces(OutputStream out, long count) throws IOException {
    byte[] spaces = filled(CHUNK, (byte) ' ');
    for (long left = count; left > 0; left -= CHUNK) {
      out.write(spaces, 0, (int) Math.min(left, CHUNK));
    }
  }
}
