package dev.faxreports.error;

import dev.faxreports.model.DataCenter;

/**
 * The TLS handshake with a data center failed: its certificate is not trusted, does not name the
 * host, or the server refused the handshake (for instance, it wants a client certificate). Never
 * retried — the next attempt would meet the same certificate — and distinct from a lost connection,
 * because the cure is configuration: the message says which setting to look at.
 */
public class TlsFailureException extends FaxReportsException {
  private static final long serialVersionUID = 1L;

  /** What went wrong in the handshake. */
  public enum Problem {
    /** The server's certificate does not chain to a trusted CA. */
    UNTRUSTED_CERTIFICATE("its certificate is not trusted",
        "if a private CA or a TLS-inspecting proxy signed it, give that CA as the trust store"
            + " (retarus.fax.trust-store, faxreports --trust-store)"),
    /**
     * The certificate is trusted but is not for the host in the URL, or names its host only in the
     * subject's common name, without the subjectAltName every client now requires.
     */
    HOSTNAME_MISMATCH("its certificate is not for this host name",
        "check the host in the endpoint URL; host name verification cannot be switched off"),
    /** A certificate of the server's chain is past its end of validity. */
    EXPIRED_CERTIFICATE("its certificate has expired",
        "the server's certificate must be renewed; if its dates look right, check this machine's clock"),
    /** A certificate of the server's chain is not valid yet. */
    CERTIFICATE_NOT_YET_VALID("its certificate is not yet valid",
        "check this machine's clock; otherwise the server was given its certificate too early"),
    /** The server ended the handshake, often for want of a client certificate. */
    HANDSHAKE_REFUSED("the server refused the TLS handshake",
        "if it requires a client certificate, give one as the key store"
            + " (retarus.fax.key-store, faxreports --key-store)");

    private final String description;
    private final String advice;

    Problem(String description, String advice) {
      this.description = description;
      this.advice = advice;
    }
  }

  private final String host;
  private final Problem problem;

  public TlsFailureException(DataCenter dataCenter, String host, Problem problem, String detail, Throwable cause) {
    super("TLS/certificate problem with " + host + ": " + problem.description
        + (detail == null ? "" : " (" + detail + ")") + "; " + problem.advice,
        dataCenter, NO_STATUS, null, null, cause);
    this.host = host;
    this.problem = problem;
  }

  /** The host whose handshake failed. */
  public String host() {
    return host;
  }

  public Problem problem() {
    return problem;
  }
}
