package dev.faxreports.port;

import dev.faxreports.error.InvalidArgumentException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509KeyManager;
import javax.net.ssl.X509TrustManager;

/**
 * {@link TlsSettings} loaded: the trust and key managers a transport hands its HTTP library, and
 * an {@link SSLContext} for those that take one. Loading reads the files once; a file that is
 * missing, unreadable, of an unknown format or locked by another password is an {@link
 * InvalidArgumentException} naming the file (never the password), raised before any request.
 */
public final class TlsMaterial {

  private final X509TrustManager trustManager;
  private final X509KeyManager keyManager;
  private final SSLContext context;

  private TlsMaterial(X509TrustManager trustManager, X509KeyManager keyManager, SSLContext context) {
    this.trustManager = trustManager;
    this.keyManager = keyManager;
    this.context = context;
  }

  public static TlsMaterial load(TlsSettings settings) {
    X509TrustManager trust = settings.trustStore() == null ? defaultTrust()
        : trustManager(trustStore(settings.trustStore(), settings.trustStorePassword()));
    X509KeyManager keys = settings.keyStore() == null ? null
        : keyManager(settings.keyStore(), settings.keyStorePassword());
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys == null ? null : new KeyManager[] {keys}, new TrustManager[] {trust}, new SecureRandom());
      return new TlsMaterial(trust, keys, context);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JVM offers no TLS", e);
    }
  }

  /** What to trust: the configured certificates, or the JVM's default trust. */
  public X509TrustManager trustManager() {
    return trustManager;
  }

  /** The client certificate's key manager, or {@code null} when no key store is configured. */
  public X509KeyManager keyManager() {
    return keyManager;
  }

  /** A context with exactly this trust and these keys. */
  public SSLContext sslContext() {
    return context;
  }

  private static KeyStore trustStore(Path file, String password) {
    byte[] bytes = read(file, "trust store");
    if (startsWithPem(bytes)) {
      try (InputStream in = new java.io.ByteArrayInputStream(bytes)) {
        Collection<? extends Certificate> certificates =
            CertificateFactory.getInstance("X.509").generateCertificates(in);
        if (certificates.isEmpty()) {
          throw new InvalidArgumentException("the trust store " + file + " holds no certificate");
        }
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        int index = 0;
        for (Certificate certificate : certificates) {
          store.setCertificateEntry("pem-" + index++, certificate);
        }
        return store;
      } catch (GeneralSecurityException | IOException e) {
        throw new InvalidArgumentException("the trust store " + file + " is not a readable PEM certificate file: "
            + e.getMessage());
      }
    }
    return store(file, password, "trust store");
  }

  private static X509KeyManager keyManager(Path file, String password) {
    KeyStore store = store(file, password, "key store");
    char[] secret = password == null ? new char[0] : password.toCharArray();
    try {
      KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      factory.init(store, secret);
      for (KeyManager manager : factory.getKeyManagers()) {
        if (manager instanceof X509KeyManager x509) {
          return x509;
        }
      }
      throw new InvalidArgumentException("the key store " + file + " holds no client key");
    } catch (GeneralSecurityException e) {
      throw new InvalidArgumentException("the key store " + file
          + " could not be opened: its key needs a password other than the store's (" + e.getClass().getSimpleName() + ")");
    }
  }

  /** A PKCS#12 or JKS store; the JDK tells the two apart by their content. */
  private static KeyStore store(Path file, String password, String what) {
    read(file, what); // a clear error for a missing or unreadable file
    try {
      return KeyStore.getInstance(file.toFile(), password == null ? null : password.toCharArray());
    } catch (IOException e) {
      boolean wrongPassword = e.getCause() instanceof java.security.UnrecoverableKeyException
          || String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("password");
      throw new InvalidArgumentException("the " + what + " " + file + (wrongPassword
          ? " could not be opened with the password given (wrong or missing password)"
          : " could not be read: " + e.getMessage()));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new InvalidArgumentException("the " + what + " " + file
          + " is neither PEM nor a PKCS#12 or JKS store");
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

  private static byte[] read(Path file, String what) {
    try {
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new InvalidArgumentException("the " + what + " " + file + " does not exist");
    } catch (IOException e) {
      throw new InvalidArgumentException("the " + what + " " + file + " cannot be read: " + e.getMessage());
    }
  }

  private static boolean startsWithPem(byte[] bytes) {
    String start = new String(bytes, 0, Math.min(bytes.length, 256), StandardCharsets.US_ASCII).stripLeading();
    return start.startsWith("-----BEGIN");
  }
}
