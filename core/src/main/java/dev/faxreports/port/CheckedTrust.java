package dev.faxreports.port;

import dev.faxreports.error.TlsFailureException.Problem;
import java.net.Socket;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The trust manager both transports hand their HTTP library: the JDK's (or the configured) trust,
 * plus two rules the JDK does not apply alike everywhere.
 *
 * <ul>
 *   <li>A server certificate must name its host in a subjectAltName. The JDK's endpoint
 *       identification, which Vert.x uses, still falls back to the subject's common name; OkHttp,
 *       browsers and RFC 6125 do not. Refused here, both transports refuse it.
 *   <li>A certificate refused for its dates is reported as expired or not yet valid, with the dates,
 *       instead of as "not trusted" (where the JDK and Vert.x leave it).
 * </ul>
 *
 * <p>Extended, so that the JDK hands over the socket or engine and its own host name checks run.
 */
final class CheckedTrust extends X509ExtendedTrustManager {

  /** subjectAltName types that name a host: dNSName (2) and iPAddress (7). */
  private static final List<Integer> HOST_NAME_TYPES = List.of(2, 7);

  private final X509TrustManager trust;

  CheckedTrust(X509TrustManager trust) {
    this.trust = trust;
  }

  @FunctionalInterface
  private interface Check {
    void run() throws CertificateException;
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    checkServer(chain, () -> trust.checkServerTrusted(chain, authType));
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
    checkServer(chain, () -> {
      if (trust instanceof X509ExtendedTrustManager extended) {
        extended.checkServerTrusted(chain, authType, socket);
      } else {
        trust.checkServerTrusted(chain, authType);
      }
    });
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
    checkServer(chain, () -> {
      if (trust instanceof X509ExtendedTrustManager extended) {
        extended.checkServerTrusted(chain, authType, engine);
      } else {
        trust.checkServerTrusted(chain, authType);
      }
    });
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    trust.checkClientTrusted(chain, authType);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
    if (trust instanceof X509ExtendedTrustManager extended) {
      extended.checkClientTrusted(chain, authType, socket);
    } else {
      trust.checkClientTrusted(chain, authType);
    }
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
    if (trust instanceof X509ExtendedTrustManager extended) {
      extended.checkClientTrusted(chain, authType, engine);
    } else {
      trust.checkClientTrusted(chain, authType);
    }
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return trust.getAcceptedIssuers();
  }

  private static void checkServer(X509Certificate[] chain, Check check) throws CertificateException {
    try {
      check.run();
    } catch (CertificateException refused) {
      CertificateRejectedException outOfDate = outOfValidity(chain, refused);
      throw outOfDate != null ? outOfDate : refused;
    }
    if (chain != null && chain.length > 0) {
      requireAlternativeName(chain[0]);
    }
  }

  private static void requireAlternativeName(X509Certificate server) throws CertificateException {
    Collection<List<?>> names;
    try {
      names = server.getSubjectAlternativeNames();
    } catch (CertificateParsingException unreadable) {
      names = null;
    }
    boolean namesAHost = names != null && names.stream().anyMatch(name -> HOST_NAME_TYPES.contains(name.get(0)));
    if (!namesAHost) {
      throw new CertificateRejectedException(Problem.HOSTNAME_MISMATCH, "the certificate "
          + subject(server) + " has no subjectAltName: it names its host only in the"
          + " common name, which no client accepts any more (RFC 6125); the server needs a certificate with"
          + " its host name as a subjectAltName", null);
    }
  }

  /**
   * The refusal as "expired" or "not yet valid", naming the certificate and its dates, when the
   * JDK refused the chain for a date; {@code null} when it refused it for anything else.
   */
  private static CertificateRejectedException outOfValidity(X509Certificate[] chain, CertificateException refused) {
    Problem problem = null;
    for (Throwable cause = refused; cause != null && problem == null; cause = cause.getCause()) {
      if (cause instanceof CertificateExpiredException) {
        problem = Problem.EXPIRED_CERTIFICATE;
      } else if (cause instanceof CertificateNotYetValidException) {
        problem = Problem.CERTIFICATE_NOT_YET_VALID;
      } else if (cause instanceof CertPathValidatorException path) {
        if (path.getReason() == CertPathValidatorException.BasicReason.EXPIRED) {
          problem = Problem.EXPIRED_CERTIFICATE;
        } else if (path.getReason() == CertPathValidatorException.BasicReason.NOT_YET_VALID) {
          problem = Problem.CERTIFICATE_NOT_YET_VALID;
        }
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    if (problem == null || chain == null) {
      return null;
    }
    Date now = new Date();
    for (X509Certificate certificate : chain) {
      boolean expired = now.after(certificate.getNotAfter());
      boolean early = now.before(certificate.getNotBefore());
      if (expired || early) {
        return new CertificateRejectedException(expired ? Problem.EXPIRED_CERTIFICATE : Problem.CERTIFICATE_NOT_YET_VALID,
            "the certificate " + subject(certificate) + " is valid from "
                + instant(certificate.getNotBefore()) + " until " + instant(certificate.getNotAfter())
                + ", and it is now " + instant(now), refused);
      }
    }
    return new CertificateRejectedException(problem, refused.getMessage(), refused);
  }

  /** The subject's name ({@code CN=…}), through Object: core depends on no JDK package beyond java.* and TLS. */
  private static String subject(X509Certificate certificate) {
    return String.valueOf(certificate.getSubjectX500Principal());
  }

  private static Instant instant(Date date) {
    return date.toInstant().truncatedTo(ChronoUnit.SECONDS);
  }
}
