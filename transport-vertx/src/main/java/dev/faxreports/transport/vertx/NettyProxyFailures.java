package dev.faxreports.transport.vertx;

import dev.faxreports.wire.ProxyTunnelException;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.proxy.HttpProxyHandler;
import io.netty.handler.proxy.ProxyConnectException;
import io.netty.handler.ssl.NotSslRecordException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Netty's words for a failed proxy tunnel as the wire module's {@link ProxyTunnelException}, so
 * that both transports report it alike: the proxy's {@code CONNECT} answer with its status and
 * headers ({@code Retry-After}, {@code Proxy-Authenticate}), no answer at all, or a tunnel that
 * carried no TLS (Netty quotes the bytes in hexadecimal).
 */
final class NettyProxyFailures {
  private NettyProxyFailures() {}

  /** The end of Netty's proxy messages: {@code http, basic, /10.0.0.1:3128 => host:443, status: 503 …}. */
  private static final Pattern STATUS = Pattern.compile(" => .*, status: (\\d{3}) ?(.*)$");
  private static final Pattern HEX = Pattern.compile("not an SSL/TLS record: ([0-9a-fA-F]+)");
  private static final int MAX_QUOTED = 512;

  /** {@code error}'s proxy failure, or {@code error} itself when it holds none. */
  static Throwable translate(Throwable error) {
    for (Throwable cause = error; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
      String message = String.valueOf(cause.getMessage());
      Matcher status = STATUS.matcher(message);
      if (status.find()) {
        // Netty's proxy handler ends its message with the proxy's status line; the headers come
        // with its HttpProxyConnectException (a wrapper may keep only the words).
        HttpHeaders headers = cause instanceof HttpProxyHandler.HttpProxyConnectException refused ? refused.headers() : null;
        return ProxyTunnelException.refused(Integer.parseInt(status.group(1)), status.group(2), headers(headers));
      }
      if (cause instanceof ProxyConnectException unanswered) {
        String reason = message.substring(message.lastIndexOf(", ") + 2);
        return ProxyTunnelException.noAnswer(switch (reason) {
          case "timeout" -> "no answer within the connect timeout";
          case "disconnected" -> "it closed the connection";
          default -> reason;
        });
      }
      if (cause instanceof NotSslRecordException) {
        Matcher hex = HEX.matcher(message);
        if (hex.find()) {
          String digits = hex.group(1);
          digits = digits.substring(0, Math.min(digits.length(), 2 * MAX_QUOTED) & ~1);
          return ProxyTunnelException.notTls(HexFormat.of().parseHex(digits));
        }
      }
    }
    return error;
  }

  private static Map<String, List<String>> headers(HttpHeaders headers) {
    Map<String, List<String>> byName = new LinkedHashMap<>();
    if (headers != null) {
      headers.forEach(header -> byName.computeIfAbsent(header.getKey(), name -> new ArrayList<>()).add(header.getValue()));
    }
    return byName;
  }
}
