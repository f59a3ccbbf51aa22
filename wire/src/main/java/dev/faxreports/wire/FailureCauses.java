package dev.faxreports.wire;

import dev.faxreports.error.TlsFailureException;
import dev.faxreports.error.TlsFailureException.Problem;
import dev.faxreports.model.DataCenter;
import dev.faxreports.port.CertificateRejectedException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * Reads what an HTTP library's exception chain says happened, in the words a user needs: which
 * host and port, and whether the name did not resolve, the connection was refused or timed out,
 * or the TLS handshake failed and why. The same for every transport, since each library wraps the
 * JDK's exceptions differently but keeps them in the chain.
 */
final class FailureCauses {
  private FailureCauses() {}

  /**
   * The TLS failure in the chain, if the handshake failed for a reason a retry cannot cure: a
   * certificate not trusted or not for this host, or the server's fatal alert (often: a client
   * certificate is required). A handshake cut short by the network — end of stream, a reset, a
   * timeout — is a lost connection, retried like any other.
   */
  static Optional<TlsFailureException> tls(DataCenter dataCenter, Throwable error) {
    for (Throwable cause = error; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
      if (cause instanceof CertificateRejectedException rejected) {
        // The trust manager's own words: the certificate, and what is wrong with it.
        return Optional.of(new TlsFailureException(dataCenter, dataCenter.baseUri().getHost(), rejected.problem(),
            firstLine(rejected.getMessage()), rejected));
      }
    }
    Throwable handshake = null;
    Throwable deepest = null; // its words, not a wrapper's ("Failed to create SSL connection")
    StringBuilder words = new StringBuilder();
    boolean certificate = false;
    boolean alert = false;
    boolean wrongHost = false;
    for (Throwable cause = error; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
      String message = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
      if (handshake == null && (cause instanceof SSLHandshakeException || cause instanceof SSLPeerUnverifiedException
          || cause instanceof CertificateException)) {
        handshake = cause;
      }
      if ((cause instanceof SSLHandshakeException || cause instanceof SSLPeerUnverifiedException
          || cause instanceof CertificateException) && cause.getMessage() != null) {
        deepest = cause;
      }
      certificate |= cause instanceof CertificateException || cause instanceof CertPathBuilderException
          || cause instanceof CertPathValidatorException;
      wrongHost |= cause instanceof SSLPeerUnverifiedException || message.contains("subject alternative")
          || message.contains("no name matching");
      alert |= message.contains("received fatal alert");
      words.append(' ').append(message);
    }
    if (handshake == null || !(certificate || wrongHost || alert)) {
      return Optional.empty();
    }
    String all = words.toString();
    Problem problem = wrongHost ? Problem.HOSTNAME_MISMATCH
        : all.contains("pkix") || all.contains("certification path") || certificate && !alert
            ? Problem.UNTRUSTED_CERTIFICATE
            : Problem.HANDSHAKE_REFUSED;
    return Optional.of(new TlsFailureException(dataCenter, dataCenter.baseUri().getHost(), problem,
        firstLine((deepest != null ? deepest : handshake).getMessage()), handshake));
  }

  /**
   * Why a connection could not be opened, or {@code null} if the chain holds no connect failure.
   *
   * @param toProxy whether the connection was to a proxy (the data center's name is then the
   *     proxy's to resolve, and what failed is the proxy)
   */
  static String connectFailure(Throwable error, boolean toProxy) {
    for (Throwable cause = error; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
      if (cause instanceof UnknownHostException || cause instanceof UnresolvedAddressException) {
        return toProxy
            ? "unknown host (the proxy's name does not resolve here; check the proxy setting:"
                + " retarus.fax.proxy, --proxy or HTTPS_PROXY)"
            : "unknown host (the name does not resolve here; if only a proxy can reach it, configure the proxy)";
      }
      if (cause instanceof HttpConnectTimeoutException || isTimeout(cause)) {
        return "connect timed out";
      }
      if (cause instanceof NoRouteToHostException) {
        return "no route to host";
      }
      if (cause instanceof ConnectException) {
        // Through a proxy, the library's words name the address it was given for the data center.
        return "connection refused" + (toProxy ? "" : detail(cause));
      }
    }
    return null;
  }

  /** {@code host:port} of a data center, the port the scheme's default when the URL has none. */
  static String hostAndPort(DataCenter dataCenter) {
    URI uri = dataCenter.baseUri();
    int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    return uri.getHost() + ":" + port;
  }

  /**
   * A connect timeout: Netty's is a ConnectException saying "timed out"; the JDK's and OkHttp's a
   * SocketTimeoutException that names the connect ("Connect timed out", "failed to connect to …").
   * A read timeout is not one: the request may have reached the server.
   */
  private static boolean isTimeout(Throwable cause) {
    String message = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
    return cause instanceof ConnectException && message.contains("timed out")
        || cause instanceof SocketTimeoutException && message.contains("connect");
  }

  private static String detail(Throwable cause) {
    String message = cause.getMessage();
    return message == null || message.toLowerCase(Locale.ROOT).contains("refused") ? "" : " (" + firstLine(message) + ")";
  }

  static String firstLine(String message) {
    if (message == null) {
      return null;
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
