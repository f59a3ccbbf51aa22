package dev.faxreports.port;

import java.nio.file.Path;

/**
 * Trust and key material for the TLS connections to the service, replacing the JVM's defaults
 * for these connections only. Hostname verification stays on whatever is set here: there is no
 * way to trust everything. {@link #toString()} redacts the passwords.
 *
 * @param trustStore the certificates to trust instead of the JVM's ({@code curl --cacert}): a PEM
 *     file with one or more certificates, or a PKCS#12 or JKS store; {@code null} for the JVM's
 * @param trustStorePassword the store's password (PKCS#12, JKS), or {@code null} (PEM, or a store
 *     without one)
 * @param keyStore a PKCS#12 (or JKS) store with the client's key and certificate chain for mutual
 *     TLS, or {@code null} for none
 * @param keyStorePassword the key store's password, also the key's, or {@code null}
 */
public record TlsSettings(Path trustStore, String trustStorePassword, Path keyStore, String keyStorePassword) {

  /** The JVM's trust, no client certificate. */
  public static final TlsSettings DEFAULT = new TlsSettings(null, null, null, null);

  public TlsSettings {
    if (keyStore == null && keyStorePassword != null) {
      throw new IllegalArgumentException("a key store password without a key store");
    }
    if (trustStore == null && trustStorePassword != null) {
      throw new IllegalArgumentException("a trust store password without a trust store");
    }
  }

  /** Trust exactly the certificates in {@code file} (PEM, PKCS#12 or JKS). */
  public static TlsSettings trusting(Path file, String password) {
    return new TlsSettings(file, password, null, null);
  }

  /** These settings, presenting the client certificate in {@code file} (PKCS#12 or JKS). */
  public TlsSettings withKeyStore(Path file, String password) {
    return new TlsSettings(trustStore, trustStorePassword, file, password);
  }

  /** Whether anything differs from the JVM's defaults. */
  public boolean isDefault() {
    return trustStore == null && keyStore == null;
  }

  @Override
  public String toString() {
    return "TlsSettings[trustStore=" + trustStore + (trustStorePassword == null ? "" : ", trustStorePassword=****")
        + ", keyStore=" + keyStore + (keyStorePassword == null ? "" : ", keyStorePassword=****") + "]";
  }
}
