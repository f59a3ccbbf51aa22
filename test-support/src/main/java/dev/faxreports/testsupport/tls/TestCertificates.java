package dev.faxreports.testsupport.tls;

import dev.faxreports.testkit.ServerTls;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A private certificate authority made for one test run, with a server certificate for the host
 * names (and IP addresses) the test asks for and a client certificate for mutual TLS — what a
 * company with its own CA has, so a test can check a client's trust and key material set-up.
 *
 * <p>Generated in memory (EC P-256, valid from an hour ago for a day, unless {@link #forServer}
 * shapes the server's certificate otherwise); written out as the formats users have: the CA as
 * PEM, a PKCS#12 trust store, the client's PKCS#12 key store or PEM key and chain.
 */
public final class TestCertificates {

  private static final AtomicLong SERIALS = new AtomicLong(System.currentTimeMillis());
  private static final String ALIAS = "faxreports-test";

  private final X509Certificate authority;
  private final KeyPair serverKeys;
  private final X509Certificate server;
  private final KeyPair clientKeys;
  private final X509Certificate client;

  private TestCertificates(X509Certificate authority, KeyPair serverKeys, X509Certificate server,
      KeyPair clientKeys, X509Certificate client) {
    this.authority = authority;
    this.serverKeys = serverKeys;
    this.server = server;
    this.clientKeys = clientKeys;
    this.client = client;
  }

  /**
   * A new CA, a server certificate valid for {@code names} (host names, or IP literals such as
   * {@code 127.0.0.1}), and a client certificate, all signed by the CA.
   */
  public static TestCertificates generate(String... names) {
    return forServer(names).generate();
  }

  /**
   * Certificates for a server named {@code names}, to be shaped before {@link Builder#generate()}:
   * a server certificate out of its validity, or one naming its host only in the subject's common
   * name.
   */
  public static Builder forServer(String... names) {
    if (names.length == 0) {
      throw new IllegalArgumentException("name at least one host the server certificate is for");
    }
    return new Builder(names.clone());
  }

  /** How the server certificate is made; the CA and the client certificate are always valid now. */
  public static final class Builder {
    private final String[] names;
    private Instant notBefore;
    private Instant notAfter;
    private boolean commonNameOnly;

    private Builder(String[] names) {
      this.names = names;
    }

    /**
     * The server certificate valid from {@code from} to {@code until} (default: an hour ago to a
     * day ahead). Take them relative to {@link Instant#now()}: an expired certificate is one whose
     * {@code until} is before now.
     */
    public Builder serverValidity(Instant from, Instant until) {
      if (!from.isBefore(until)) {
        throw new IllegalArgumentException("a certificate is valid from a moment before its end");
      }
      this.notBefore = from;
      this.notAfter = until;
      return this;
    }

    /**
     * The server certificate names its host only as the subject's common name ({@code CN=} the
     * first name), with no subjectAltName: what browsers and current clients refuse (RFC 6125).
     */
    public Builder commonNameOnly() {
      this.commonNameOnly = true;
      return this;
    }

    public TestCertificates generate() {
      Instant now = Instant.now();
      Instant from = notBefore != null ? notBefore : now.minus(Duration.ofHours(1));
      Instant until = notAfter != null ? notAfter : now.plus(Duration.ofDays(1));
      try {
        KeyPair caKeys = newKeys();
        X500Name caName = new X500Name("CN=faxreports test CA " + SERIALS.incrementAndGet());
        X509Certificate ca = sign(caName, caName, caKeys.getPublic(), caKeys.getPrivate(), builder -> {
          builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
          builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        });
        KeyPair serverKeys = newKeys();
        X509Certificate server = sign(caName, new X500Name("CN=" + names[0]), serverKeys.getPublic(),
            caKeys.getPrivate(), from, until, builder -> {
              if (!commonNameOnly) {
                builder.addExtension(Extension.subjectAlternativeName, false, alternativeNames(names));
              }
              builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            });
        KeyPair clientKeys = newKeys();
        X509Certificate client = sign(caName, new X500Name("CN=faxreports test client"), clientKeys.getPublic(),
            caKeys.getPrivate(), builder ->
                builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth)));
        return new TestCertificates(ca, serverKeys, server, clientKeys, client);
      } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
        throw new IllegalStateException("could not generate test certificates", e);
      }
    }
  }

  /** The CA's certificate: what a client must trust. */
  public X509Certificate authority() {
    return authority;
  }

  public X509Certificate serverCertificate() {
    return server;
  }

  public X509Certificate clientCertificate() {
    return client;
  }

  /** For a server: presents the server certificate, trusts client certificates of this CA. */
  public SSLContext serverContext() {
    return context(keyStore(serverKeys.getPrivate(), server), trustStore());
  }

  /**
   * For a {@link dev.faxreports.testkit.FakeFaxServer} speaking HTTPS under {@code hostName} (one of
   * the server certificate's names), with {@link #serverContext()}.
   */
  public ServerTls serverTls(String hostName) {
    return ServerTls.of(serverContext(), hostName);
  }

  /** For a client with no other trust: trusts this CA and presents the client certificate. */
  public SSLContext clientContext() {
    return context(keyStore(clientKeys.getPrivate(), client), trustStore());
  }

  /** Writes the CA certificate as PEM, like a company's {@code ca.pem}. */
  public Path writeAuthorityPem(Path file) {
    return write(file, out -> out.write(pem(authority).getBytes(StandardCharsets.US_ASCII)));
  }

  /** Writes a PKCS#12 trust store holding the CA certificate. */
  public Path writeTrustStore(Path file, char[] password) {
    return write(file, out -> store(trustStore(), out, password));
  }

  /** Writes the client's key and certificate chain as a PKCS#12 key store. */
  public Path writeClientKeyStore(Path file, char[] password) {
    return write(file, out -> store(keyStore(clientKeys.getPrivate(), client), out, password));
  }

  /**
   * Writes the client's key (unencrypted PKCS#8, {@code BEGIN PRIVATE KEY}) followed by its
   * certificate chain as one PEM file, as {@code openssl} and many tools hand them out.
   */
  public Path writeClientPem(Path file) {
    return write(file, out -> {
      out.write(pemBlock("PRIVATE KEY", clientKeys.getPrivate().getEncoded()).getBytes(StandardCharsets.US_ASCII));
      out.write(pem(client).getBytes(StandardCharsets.US_ASCII));
      out.write(pem(authority).getBytes(StandardCharsets.US_ASCII));
    });
  }

  /** The certificate as PEM text. */
  public static String pem(X509Certificate certificate) {
    try {
      return pemBlock("CERTIFICATE", certificate.getEncoded());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String pemBlock(String label, byte[] der) {
    return "-----BEGIN " + label + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END " + label + "-----\n";
  }

  // ---- generation -------------------------------------------------------------------------------

  @FunctionalInterface
  private interface Extensions {
    void add(X509v3CertificateBuilder builder) throws IOException;
  }

  private static KeyPair newKeys() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
    return generator.generateKeyPair();
  }

  private static X509Certificate sign(X500Name issuer, X500Name subject, java.security.PublicKey key,
      PrivateKey issuerKey, Extensions extensions)
      throws IOException, OperatorCreationException, GeneralSecurityException {
    Instant now = Instant.now();
    return sign(issuer, subject, key, issuerKey, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)), extensions);
  }

  private static X509Certificate sign(X500Name issuer, X500Name subject, java.security.PublicKey key,
      PrivateKey issuerKey, Instant notBefore, Instant notAfter, Extensions extensions)
      throws IOException, OperatorCreationException, GeneralSecurityException {
    X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
        BigInteger.valueOf(SERIALS.incrementAndGet()), Date.from(notBefore), Date.from(notAfter), subject, key);
    extensions.add(builder);
    return new JcaX509CertificateConverter().getCertificate(
        builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey)));
  }

  private static GeneralNames alternativeNames(String... names) throws IOException {
    List<GeneralName> alternatives = new ArrayList<>();
    for (String name : names) {
      boolean ipLiteral = name.matches("[0-9.]+") || name.contains(":");
      alternatives.add(ipLiteral
          ? new GeneralName(GeneralName.iPAddress, InetAddress.getByName(name).getHostAddress())
          : new GeneralName(GeneralName.dNSName, name));
    }
    return new GeneralNames(alternatives.toArray(GeneralName[]::new));
  }

  // ---- stores -----------------------------------------------------------------------------------

  private KeyStore keyStore(PrivateKey key, X509Certificate certificate) {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry(ALIAS, key, new char[0], new Certificate[] {certificate, authority});
      return store;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private KeyStore trustStore() {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setCertificateEntry("faxreports-test-ca", authority);
      return store;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static SSLContext context(KeyStore keys, KeyStore trust) {
    try {
      KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keyManagers.init(keys, new char[0]);
      TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trustManagers.init(trust);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), new SecureRandom());
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void store(KeyStore store, OutputStream out, char[] password) throws IOException {
    try {
      // Re-keyed under the file's password: the in-memory stores use an empty one.
      KeyStore copy = KeyStore.getInstance("PKCS12");
      copy.load(null, null);
      for (String alias : java.util.Collections.list(store.aliases())) {
        if (store.isKeyEntry(alias)) {
          copy.setKeyEntry(alias, store.getKey(alias, new char[0]), password, store.getCertificateChain(alias));
        } else {
          copy.setCertificateEntry(alias, store.getCertificate(alias));
        }
      }
      copy.store(out, password);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @FunctionalInterface
  private interface Writing {
    void to(OutputStream out) throws IOException;
  }

  private static Path write(Path file, Writing writing) {
    try (OutputStream out = Files.newOutputStream(file)) {
      writing.to(out);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
