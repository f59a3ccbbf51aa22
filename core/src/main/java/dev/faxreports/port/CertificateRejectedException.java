package dev.faxreports.port;

import dev.faxreports.error.TlsFailureException;
import java.security.cert.CertificateException;

/**
 * What the trust manager of {@link TlsMaterial} throws when it refuses a server's certificate for a
 * reason it can name better than the JDK: out of its validity (with the dates), or naming its host
 * only in the subject's common name. It travels inside the HTTP library's handshake exception, and
 * the wire module turns it into a {@link TlsFailureException} of {@link #problem()}, whichever
 * transport carried it.
 */
public final class CertificateRejectedException extends CertificateException {
  private static final long serialVersionUID = 1L;

  private final TlsFailureException.Problem problem;

  /**
   * @param problem what the failure is, in the core's terms
   * @param message the certificate and what is wrong with it, such as its validity dates
   * @param cause the JDK's own refusal, if there was one
   */
  public CertificateRejectedException(TlsFailureException.Problem problem, String message, Throwable cause) {
    super(message, cause);
    this.problem = problem;
  }

  public TlsFailureException.Problem problem() {
    return problem;
  }
}
