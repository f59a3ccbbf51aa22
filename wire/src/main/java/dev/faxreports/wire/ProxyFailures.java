package dev.faxreports.wire;

import dev.faxreports.error.FaxReportsException;
import dev.faxreports.error.ProxyAuthenticationException;
import dev.faxreports.error.ServiceUnavailableException;
import dev.faxreports.error.TransportException;
import dev.faxreports.model.DataCenter;
import dev.faxreports.port.ProxySettings;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * A failed {@code CONNECT} tunnel as the core exception, naming the proxy and not the data center
 * as what failed — the same for every transport, whatever its library reported:
 *
 * <ul>
 *   <li>407: the proxy's authentication ({@link ProxyAuthenticationException}, never retried);
 *       offering only schemes other than Basic, it says that only Basic is supported;
 *   <li>502, 503, 504: the proxy is (or cannot reach the data center) for now: retried, after its
 *       {@code Retry-After} when it sent one ({@link ServiceUnavailableException});
 *   <li>any other status: the proxy refuses this tunnel by its rules (403): not retried;
 *   <li>a tunnel that carries no TLS (a login or block page after a 200): not retried, in one line
 *       quoting what came instead;
 *   <li>no answer at all: a connection failure, retried.
 * </ul>
 */
final class ProxyFailures {
  private ProxyFailures() {}

  private static final int MAX_QUOTE = 120;

  static FaxReportsException of(DataCenter dataCenter, ProxySettings proxy, ProxyTunnelException tunnel) {
    String target = FailureCauses.hostAndPort(dataCenter);
    String named = "the proxy " + proxy.uri();
    return switch (tunnel.kind()) {
      case REFUSED -> refused(dataCenter, proxy, tunnel, named, target);
      case NOT_TLS -> new FaxReportsException(named + " answered CONNECT to " + target
          + " but did not pass TLS through: it sent \"" + firstLine(tunnel.receivedText()) + "\""
          + " (it blocks or inspects this host: ask for " + dataCenter.baseUri().getHost() + " to be let through)",
          dataCenter, FaxReportsException.NO_STATUS, null, null, null);
      case NO_ANSWER -> new TransportException(named + " did not answer CONNECT to " + target + ": "
          + tunnel.getMessage().replaceFirst("^the proxy did not answer CONNECT: ", ""),
          dataCenter, FaxReportsException.NO_STATUS, false, null);
    };
  }

  private static FaxReportsException refused(
      DataCenter dataCenter, ProxySettings proxy, ProxyTunnelException tunnel, String named, String target) {
    int status = tunnel.status();
    String answer = "HTTP " + status + (tunnel.reason().isBlank() ? "" : " " + firstLine(tunnel.reason()));
    if (status == 407) {
      List<String> schemes = schemes(tunnel.header("Proxy-Authenticate"));
      if (!schemes.isEmpty() && schemes.stream().noneMatch("basic"::equalsIgnoreCase)) {
        return ProxyAuthenticationException.unsupportedSchemes(dataCenter, proxy.uri().toString(), schemes);
      }
      return HttpAnswers.proxyRefused(dataCenter, proxy);
    }
    if (status == 502 || status == 503 || status == 504) {
      List<String> retryAfter = tunnel.header("Retry-After");
      return new ServiceUnavailableException(named + " answered CONNECT to " + target + " with " + answer,
          dataCenter, status, null, null,
          HttpAnswers.parseRetryAfter(retryAfter.isEmpty() ? null : retryAfter.get(0), Clock.systemUTC()));
    }
    return new FaxReportsException(named + " refused the tunnel to " + target + " with " + answer
        + " (its rules do not let this client reach the host)", dataCenter, status, null, null, null);
  }

  /**
   * The schemes of {@code Proxy-Authenticate} values: the first word of each challenge, a value
   * holding one or several ({@code Digest realm="x", nonce="y", Basic realm="z"}); a parameter
   * ({@code nonce="y"}) or the rest of a quoted value is no token, so no scheme.
   */
  static List<String> schemes(List<String> challenges) {
    List<String> schemes = new ArrayList<>();
    for (String value : challenges) {
      for (String part : value.split(",")) {
        String word = part.strip().split("\\s+", 2)[0];
        if (word.matches("[A-Za-z0-9!#$%&'*+.^_`|~-]+") && schemes.stream().noneMatch(word::equalsIgnoreCase)) {
          schemes.add(word);
        }
      }
    }
    return schemes;
  }

  /** The first line of {@code text}, at most {@value #MAX_QUOTE} characters, control characters as {@code ?}. */
  static String firstLine(String text) {
    String line = text.lines().findFirst().orElse("").strip();
    StringBuilder quoted = new StringBuilder();
    for (int i = 0; i < line.length() && quoted.length() < MAX_QUOTE; i++) {
      char c = line.charAt(i);
      quoted.append(c < 0x20 || c == 0x7f || c > 0x7e ? '?' : c);
    }
    return quoted.length() < line.length() ? quoted + "…" : quoted.toString();
  }
}
