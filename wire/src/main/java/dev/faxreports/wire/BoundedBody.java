package dev.faxreports.wire;

import dev.faxreports.error.FaxReportsException;
import dev.faxreports.error.ResponseTooLargeException;
import dev.faxreports.error.TransportException;
import dev.faxreports.model.DataCenter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/**
 * One answer's body, collected chunk by chunk as a transport receives it, never more than {@code
 * maxBytes}: {@link #append} fails with a {@link ResponseTooLargeException} the moment the bytes
 * received pass the limit, so the transport can stop reading and drop the connection. A gzip (or
 * deflate) body is inflated in {@link #finish()}, bounded again: a small body that would inflate
 * past the limit — a gzip bomb — fails the same way after inflating at most {@code maxBytes + 1}
 * bytes. Every transport uses this one class, so all decode and limit answers alike.
 *
 * <p>Not thread-safe: a transport feeds one answer from one thread at a time.
 */
public final class BoundedBody {

  /** What transports send as {@code Accept-Encoding}: the one encoding this class decodes and asks for. */
  public static final String ACCEPT_ENCODING = "gzip";

  private enum Encoding { IDENTITY, GZIP, DEFLATE }

  private final DataCenter dataCenter;
  private final int status;
  private final long maxBytes;
  private final Encoding encoding;
  private final String unsupportedEncoding;
  private final List<byte[]> chunks = new ArrayList<>();
  private long received;

  private BoundedBody(DataCenter dataCenter, int status, String contentEncoding, long maxBytes) {
    if (maxBytes < 1 || maxBytes > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("maxBytes must be between 1 and " + (Integer.MAX_VALUE - 8));
    }
    this.dataCenter = dataCenter;
    this.status = status;
    this.maxBytes = maxBytes;
    String token = contentEncoding == null ? "" : contentEncoding.strip().toLowerCase(Locale.ROOT);
    this.encoding = switch (token) {
      case "", "identity" -> Encoding.IDENTITY;
      case "gzip", "x-gzip" -> Encoding.GZIP;
      case "deflate" -> Encoding.DEFLATE;
      default -> null;
    };
    this.unsupportedEncoding = encoding == null ? contentEncoding : null;
  }

  /**
   * An empty body for an answer with this status and {@code Content-Encoding} header ({@code null}
   * when absent).
   */
  public static BoundedBody of(DataCenter dataCenter, int status, String contentEncoding, long maxBytes) {
    return new BoundedBody(dataCenter, status, contentEncoding, maxBytes);
  }

  /** Adds received bytes; fails once more than {@code maxBytes} have arrived. */
  public void append(byte[] chunk) {
    append(ByteBuffer.wrap(chunk));
  }

  /** Adds the buffer's remaining bytes (and consumes them); fails once more than {@code maxBytes} arrived. */
  public void append(ByteBuffer chunk) {
    int length = chunk.remaining();
    received += length;
    if (received > maxBytes) {
      chunks.clear(); // let the collected bytes go at once, not when the caller drops this
      throw tooLarge();
    }
    if (length > 0) {
      byte[] copy = new byte[length];
      chunk.get(copy);
      chunks.add(copy);
    }
  }

  /** Bytes received so far, before any inflation. */
  public long received() {
    return received;
  }

  /**
   * The body, inflated if it was compressed. A 2xx body that cannot be inflated is a malformed
   * answer; an error answer's unreadable body is dropped (its status still says what went wrong).
   *
   * @throws ResponseTooLargeException if the inflated body would pass {@code maxBytes}
   * @throws TransportException for a 2xx body in an unknown encoding or not inflatable
   */
  public byte[] finish() {
    byte[] raw = concatenate();
    if (encoding == Encoding.IDENTITY) {
      return raw;
    }
    if (encoding == null) {
      return unreadable("unsupported Content-Encoding '" + unsupportedEncoding + "'", null);
    }
    try (InputStream inflating = encoding == Encoding.GZIP
        ? new GZIPInputStream(new ByteArrayInputStream(raw), 8192)
        : new InflaterInputStream(new ByteArrayInputStream(raw))) {
      // One byte past the limit tells "exactly at the limit" from "over it" without reading on.
      byte[] inflated = inflating.readNBytes(Math.toIntExact(maxBytes + 1));
      if (inflated.length > maxBytes) {
        throw tooLarge();
      }
      return inflated;
    } catch (IOException e) {
      return unreadable("the " + encoding.name().toLowerCase(Locale.ROOT) + " body does not inflate: "
          + e.getMessage(), e);
    }
  }

  private byte[] concatenate() {
    byte[] all = new byte[Math.toIntExact(received)];
    int at = 0;
    for (byte[] chunk : chunks) {
      System.arraycopy(chunk, 0, all, at, chunk.length);
      at += chunk.length;
    }
    chunks.clear();
    return all;
  }

  private byte[] unreadable(String detail, Throwable cause) {
    if (!HttpAnswers.isSuccess(status)) {
      return new byte[0];
    }
    throw TransportException.malformedBody(dataCenter, status, detail, cause);
  }

  private FaxReportsException tooLarge() {
    return new ResponseTooLargeException(dataCenter, status, maxBytes);
  }
}
