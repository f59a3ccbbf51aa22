package dev.faxreports.port;

import dev.faxreports.error.InvalidArgumentException;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509KeyManager;
import javax.net.ssl.X509TrustManager;

/**
 * {@link TlsSettings} loaded: the trust and key managers a transport hands its HTTP library, and
 * an {@link SSLContext} for those that take one. Loading reads the files once; a file that is
 * missing, unreadable, of an unknown format, locked by another password or by a password not
 * given, or a key store without a key, is an {@link InvalidArgumentException} naming the file (and
 * the setting of a missing password, never a password), raised before any request.
 *
 * <p>The same rules for every transport: the trust manager refuses a server certificate without a
 * subjectAltName and names the dates of one out of its validity ({@link
 * CertificateRejectedException}); the key manager — there is one even without a key store — notes
 * a server that asked for a client certificate this client could not give ({@link
 * #clientCertificateRefusal}).
 */
public final class TlsMaterial {

  private final CheckedTrust trustManager;
  private final ClientKeys keyManager;
  private final SSLContext context;

  private TlsMaterial(CheckedTrust trustManager, ClientKeys keyManager, SSLContext context) {
    this.trustManager = trustManager;
    this.keyManager = keyManager;
    this.context = context;
  }

  public static TlsMaterial load(TlsSettings settings) {
    X509TrustManager trust = settings.trustStore() == null ? defaultTrust()
        : trustManager(TlsStores.trustStore(settings.trustStore(), settings.trustStorePassword()));
    X509ExtendedKeyManager keys = settings.keyStore() == null ? null
        : keyManager(settings.keyStore(), settings.keyStorePassword());
    CheckedTrust checked = new CheckedTrust(trust);
    ClientKeys clientKeys = new ClientKeys(keys);
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(new KeyManager[] {clientKeys}, new TrustManager[] {checked}, new SecureRandom());
      return new TlsMaterial(checked, clientKeys, context);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JVM offers no TLS", e);
    }
  }

  /** What to trust: the configured certificates, or the JVM's default trust, with this class's checks. */
  public X509TrustManager trustManager() {
    return trustManager;
  }

  /**
   * The client certificate's key manager: the key store's, or one without keys when none is
   * configured; either way it notes servers that asked for a certificate it could not give, so give
   * it to the HTTP library in both cases.
   */
  public X509KeyManager keyManager() {
    return keyManager;
  }

  /** Whether a key store is configured. */
  public boolean hasClientCertificate() {
    return keyManager.hasKeys();
  }

  /** A context with exactly this trust and these keys. */
  public SSLContext sslContext() {
    return context;
  }

  /**
   * Why the server of {@code endpoint} (its host) may have refused the last TLS handshake: it asked
   * for a client certificate that this client could not give (none configured, or none from an
   * issuer it accepts); {@code null} if it did not, or has answered a request since. For a
   * connection that broke without the server's alert reaching the client.
   */
  public String clientCertificateRefusal(URI endpoint) {
    return endpoint.getHost() == null ? null : keyManager.refusal(endpoint.getHost());
  }

  /** The server of {@code endpoint} answered a request: its handshake went through. */
  public void answered(URI endpoint) {
    if (endpoint.getHost() != null) {
      keyManager.answered(endpoint.getHost());
    }
  }

  private static X509ExtendedKeyManager keyManager(java.nio.file.Path file, String password) {
    KeyStore store = TlsStores.keyStore(file, password);
    char[] secret = password == null ? new char[0] : password.toCharArray();
    try {
      KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      factory.init(store, secret);
      for (KeyManager manager : factory.getKeyManagers()) {
        if (manager instanceof X509ExtendedKeyManager x509) {
          return x509;
        }
      }
      throw new InvalidArgumentException("the key store " + file + " holds no client key");
    } catch (GeneralSecurityException e) {
      throw TlsStores.keyLocked(file, password, e);
    }
  }

  private static X509TrustManager trustManager(KeyStore store) {
    try {
      TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(store);
      return x509(factory);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("could not use the trust store", e);
    }
  }

  private static X509TrustManager defaultTrust() {
    try {
      TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init((KeyStore) null);
      return x509(factory);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JVM's default trust is unusable", e);
    }
  }

  private static X509TrustManager x509(TrustManagerFactory factory) {
    for (TrustManager manager : factory.getTrustManagers()) {
      if (manager instanceof X509TrustManager x509) {
        return x509;
      }
    }
    throw new IllegalStateException("no X.509 trust manager");
  }
}
