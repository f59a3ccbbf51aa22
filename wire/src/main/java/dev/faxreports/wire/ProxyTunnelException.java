package dev.faxreports.wire;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What went wrong with a proxy's {@code CONNECT} tunnel, in an HTTP library's terms: an {@link
 * IOException} that the library carries up as the connection's failure. A transport raises it (or
 * translates its library's own exception into it), and {@link HttpAnswers#noAnswer(
 * dev.faxreports.model.DataCenter, Throwable, dev.faxreports.port.TransportSettings,
 * dev.faxreports.port.TlsMaterial)} turns it into the core exception, the same for every transport.
 */
public final class ProxyTunnelException extends IOException {
  private static final long serialVersionUID = 1L;

  /** How the tunnel failed. */
  public enum Kind {
    /** The proxy answered {@code CONNECT} with another status than 2xx. */
    REFUSED,
    /** The proxy answered 2xx, then sent something else than TLS through the tunnel. */
    NOT_TLS,
    /** The proxy closed the connection, or sent nothing, instead of answering {@code CONNECT}. */
    NO_ANSWER
  }

  private final Kind kind;
  private final int status;
  private final String reason;
  private final transient Map<String, List<String>> headers;
  private final byte[] received;

  private ProxyTunnelException(Kind kind, String message, int status, String reason,
      Map<String, List<String>> headers, byte[] received) {
    super(message);
    this.kind = kind;
    this.status = status;
    this.reason = reason;
    TreeMap<String, List<String>> byName = new TreeMap<>();
    headers.forEach((name, values) -> byName.merge(name.toLowerCase(Locale.ROOT), List.copyOf(values),
        (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).toList()));
    this.headers = byName;
    this.received = received.clone();
  }

  /**
   * The proxy answered {@code CONNECT} with {@code status} (not 2xx).
   *
   * @param reason the status line's reason phrase, possibly empty
   * @param headers the answer's headers, names in any case
   */
  public static ProxyTunnelException refused(int status, String reason, Map<String, List<String>> headers) {
    return new ProxyTunnelException(Kind.REFUSED, "the proxy answered CONNECT with " + status + " " + reason,
        status, reason == null ? "" : reason, headers, new byte[0]);
  }

  /** The proxy opened the tunnel, then sent {@code received} where a TLS record should be. */
  public static ProxyTunnelException notTls(byte[] received) {
    return new ProxyTunnelException(Kind.NOT_TLS, "the proxy passed no TLS through its tunnel", 0, "",
        Map.of(), received);
  }

  /** The proxy did not answer {@code CONNECT}: {@code why}. */
  public static ProxyTunnelException noAnswer(String why) {
    return new ProxyTunnelException(Kind.NO_ANSWER, "the proxy did not answer CONNECT: " + why, 0, "",
        Map.of(), new byte[0]);
  }

  public Kind kind() {
    return kind;
  }

  /** The status of a {@link Kind#REFUSED} answer, else 0. */
  public int status() {
    return status;
  }

  /** The reason phrase of a {@link Kind#REFUSED} answer, possibly empty. */
  public String reason() {
    return reason;
  }

  /** Every value of the answer's header {@code name} (any case), in order; empty if absent. */
  public List<String> header(String name) {
    return headers == null ? List.of() : headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
  }

  /** The first bytes of what came through the tunnel instead of TLS ({@link Kind#NOT_TLS}), as text. */
  public String receivedText() {
    return new String(received, StandardCharsets.ISO_8859_1);
  }
}
