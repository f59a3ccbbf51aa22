package dev.faxreports.port;

import dev.faxreports.error.InvalidArgumentException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads trust and key stores from files: PEM, PKCS#12 or JKS. Every way a file can be unusable is
 * an {@link InvalidArgumentException} naming the file and, where a password is missing, the setting
 * that gives it — raised while the transport is built, before any request (a PKCS#12 store opened
 * without its password is an empty store to the JDK, which would otherwise only show as "the
 * trustAnchors parameter must be non-empty" on every request). No message holds a password.
 */
final class TlsStores {
  private TlsStores() {}

  // The settings by name (ConfigKeys' constants; config depends on this package, not the reverse).
  private static final String TRUST_PASSWORD = "retarus.fax.trust-store-password (RETARUS_TRUST_STORE_PASSWORD)";
  private static final String KEY_PASSWORD = "retarus.fax.key-store-password (RETARUS_KEY_STORE_PASSWORD)";
  private static final Pattern PEM_BLOCK =
      Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]*)-----END \\1-----");

  /** The certificates to trust in {@code file}: a PEM file, or a store with its password. */
  static KeyStore trustStore(Path file, String password) {
    byte[] bytes = read(file, "trust store");
    KeyStore store = isPem(bytes) ? pemTrustStore(file, bytes) : store(file, password, "trust store");
    if (certificates(store) == 0) {
      throw new InvalidArgumentException("the trust store " + file + (password == null && !isPem(bytes)
          ? " shows no certificate without its password (a PKCS#12 store hides them behind it): give the"
              + " password as " + TRUST_PASSWORD
          : " holds no certificate to trust"));
    }
    return store;
  }

  /**
   * The client's key and certificate chain in {@code file}: a PKCS#12 (or JKS) store with its
   * password, or a PEM file with an unencrypted PKCS#8 key ({@code BEGIN PRIVATE KEY}) and the
   * chain, as {@code openssl} writes them.
   *
   * @return the store, and the password its key opens with
   */
  static KeyStore keyStore(Path file, String password) {
    byte[] bytes = read(file, "key store");
    if (isPem(bytes)) {
      return pemKeyStore(file, bytes);
    }
    KeyStore store = store(file, password, "key store");
    boolean anyKey = false;
    try {
      for (String alias : Collections.list(store.aliases())) {
        anyKey |= store.isKeyEntry(alias);
      }
    } catch (GeneralSecurityException e) {
      throw new InvalidArgumentException("the key store " + file + " could not be read: " + e.getMessage());
    }
    if (!anyKey) {
      throw new InvalidArgumentException("the key store " + file + (password == null && certificates(store) == 0
          ? " shows nothing without its password: give the password as " + KEY_PASSWORD
          : " holds no private key, only certificates: give a PKCS#12 store (or a PEM file) with the"
              + " client's key and certificate chain"));
    }
    return store;
  }

  /** The key manager's complaint that the store's key does not open with {@code password}. */
  static InvalidArgumentException keyLocked(Path file, String password, GeneralSecurityException e) {
    if (password == null) {
      return new InvalidArgumentException("the key store " + file
          + " could not be opened without its password: give the password as " + KEY_PASSWORD);
    }
    return new InvalidArgumentException("the key store " + file
        + " could not be opened: its key needs a password other than the store's (" + e.getClass().getSimpleName() + ")");
  }

  /** A PKCS#12 or JKS store; the JDK tells the two apart by their content. */
  private static KeyStore store(Path file, String password, String what) {
    try {
      return KeyStore.getInstance(file.toFile(), password == null ? null : password.toCharArray());
    } catch (IOException e) {
      boolean wrongPassword = e.getCause() instanceof UnrecoverableKeyException
          || String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("password");
      throw new InvalidArgumentException("the " + what + " " + file + (wrongPassword
          ? " could not be opened with the password given (wrong or missing password)"
          : " could not be read: " + e.getMessage()));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new InvalidArgumentException("the " + what + " " + file
          + " is neither PEM nor a PKCS#12 or JKS store");
    }
  }

  private static KeyStore pemTrustStore(Path file, byte[] bytes) {
    try (InputStream in = new ByteArrayInputStream(bytes)) {
      Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
      KeyStore store = emptyStore();
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

  private static KeyStore pemKeyStore(Path file, byte[] bytes) {
    String text = new String(bytes, StandardCharsets.US_ASCII);
    Matcher blocks = PEM_BLOCK.matcher(text);
    byte[] key = null;
    List<X509Certificate> chain = new ArrayList<>();
    try {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      while (blocks.find()) {
        String label = blocks.group(1);
        byte[] der = Base64.getMimeDecoder().decode(blocks.group(2));
        switch (label) {
          case "PRIVATE KEY" -> key = der;
          case "CERTIFICATE" -> chain.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
          case "ENCRYPTED PRIVATE KEY" -> throw new InvalidArgumentException("the key store " + file
              + " is PEM with an encrypted key, which is not read here: give a PKCS#12 store instead"
              + " (openssl pkcs12 -export -in " + file + " -out client.p12) and its password as " + KEY_PASSWORD);
          case "RSA PRIVATE KEY", "EC PRIVATE KEY", "DSA PRIVATE KEY" -> throw new InvalidArgumentException(
              "the key store " + file + " is PEM with a key in the old " + label + " form: give a PKCS#12 store"
                  + " (openssl pkcs12 -export -in " + file + " -out client.p12), or the key as PKCS#8"
                  + " (openssl pkcs8 -topk8 -nocrypt)");
          default -> { } // parameters, CRLs: not needed
        }
      }
      if (key == null) {
        throw new InvalidArgumentException("the key store " + file + " is PEM without a private key: give a PEM file"
            + " with the client's key (BEGIN PRIVATE KEY) and its certificate chain, or a PKCS#12 store");
      }
      if (chain.isEmpty()) {
        throw new InvalidArgumentException("the key store " + file + " is PEM with a key but no certificate: add the"
            + " client's certificate chain to it, or give a PKCS#12 store");
      }
      PrivateKey privateKey = KeyFactory.getInstance(chain.get(0).getPublicKey().getAlgorithm())
          .generatePrivate(new PKCS8EncodedKeySpec(key));
      KeyStore store = emptyStore();
      store.setKeyEntry("client", privateKey, new char[0], chain.toArray(Certificate[]::new));
      return store;
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new InvalidArgumentException("the key store " + file + " is PEM but its key or certificates cannot be"
          + " read (the first certificate must be the client's, the key unencrypted PKCS#8): " + e.getMessage());
    }
  }

  private static KeyStore emptyStore() throws GeneralSecurityException {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      return store;
    } catch (IOException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  private static int certificates(KeyStore store) {
    try {
      int count = 0;
      for (String alias : Collections.list(store.aliases())) {
        if (store.isCertificateEntry(alias) || store.getCertificate(alias) != null) {
          count++;
        }
      }
      return count;
    } catch (GeneralSecurityException e) {
      return 0;
    }
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

  private static boolean isPem(byte[] bytes) {
    String start = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.US_ASCII);
    return start.contains("-----BEGIN ");
  }
}
