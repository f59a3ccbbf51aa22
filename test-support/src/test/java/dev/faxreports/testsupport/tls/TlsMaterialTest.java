package dev.faxreports.testsupport.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faxreports.error.InvalidArgumentException;
import dev.faxreports.error.TlsFailureException.Problem;
import dev.faxreports.port.CertificateRejectedException;
import dev.faxreports.port.TlsMaterial;
import dev.faxreports.port.TlsSettings;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The core's loading of trust and key material, against certificates a private CA made. */
class TlsMaterialTest {

  private final TestCertificates certificates = TestCertificates.generate("localhost");
  @TempDir Path dir;

  private static void assertTrusts(TlsMaterial material, TestCertificates certificates) throws Exception {
    X509Certificate[] chain = {certificates.serverCertificate(), certificates.authority()};
    material.trustManager().checkServerTrusted(chain, "ECDHE_ECDSA");
    assertThat(material.trustManager().getAcceptedIssuers()).containsExactly(certificates.authority());
  }

  @Test
  void aPemFileReplacesTheJvmTrust() throws Exception {
    Path pem = certificates.writeAuthorityPem(dir.resolve("ca.pem"));

    assertTrusts(TlsMaterial.load(TlsSettings.trusting(pem, null)), certificates);
  }

  @Test
  void aPemFileWithSeveralCertificatesTrustsEach() throws Exception {
    TestCertificates other = TestCertificates.generate("localhost");
    Path pem = dir.resolve("bundle.pem");
    Files.writeString(pem, TestCertificates.pem(other.authority()) + "\n" + TestCertificates.pem(certificates.authority()));

    TlsMaterial material = TlsMaterial.load(TlsSettings.trusting(pem, null));

    assertThat(material.trustManager().getAcceptedIssuers()).hasSize(2);
    material.trustManager().checkServerTrusted(new X509Certificate[] {other.serverCertificate(), other.authority()}, "ECDHE_ECDSA");
  }

  @Test
  void aPkcs12TrustStoreWithItsPassword() throws Exception {
    Path store = certificates.writeTrustStore(dir.resolve("trust.p12"), "trust-pass".toCharArray());

    assertTrusts(TlsMaterial.load(TlsSettings.trusting(store, "trust-pass")), certificates);
  }

  @Test
  void aClientKeyStoreGivesTheClientCertificate() {
    Path keys = certificates.writeClientKeyStore(dir.resolve("client.p12"), "key-pass".toCharArray());

    TlsMaterial material = TlsMaterial.load(TlsSettings.DEFAULT.withKeyStore(keys, "key-pass"));

    String alias = material.keyManager().chooseClientAlias(new String[] {"EC"}, null, null);
    assertThat(material.keyManager().getCertificateChain(alias)[0]).isEqualTo(certificates.clientCertificate());
  }

  @Test
  void aWrongPasswordNamesTheFileButNotThePassword() {
    Path keys = certificates.writeClientKeyStore(dir.resolve("client.p12"), "key-pass".toCharArray());

    assertThatThrownBy(() -> TlsMaterial.load(TlsSettings.DEFAULT.withKeyStore(keys, "WRONG-secret")))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("client.p12").hasMessageContaining("password")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("WRONG-secret"));
  }

  @Test
  void aMissingOrForeignFileIsAClearError() throws Exception {
    Path text = dir.resolve("notes.txt");
    Files.writeString(text, "not a certificate");

    assertThatThrownBy(() -> TlsMaterial.load(TlsSettings.trusting(dir.resolve("absent.pem"), null)))
        .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("absent.pem").hasMessageContaining("does not exist");
    assertThatThrownBy(() -> TlsMaterial.load(TlsSettings.trusting(text, null)))
        .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("notes.txt");
  }

  @Test
  void aPkcs12TrustStoreWithoutItsPasswordNamesTheFileAndThePasswordSetting() {
    Path store = certificates.writeTrustStore(dir.resolve("trust.p12"), "trust-pass".toCharArray());

    assertThatThrownBy(() -> TlsMaterial.load(TlsSettings.trusting(store, null)))
        .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("trust.p12")
        .hasMessageContaining("retarus.fax.trust-store-password").hasMessageContaining("RETARUS_TRUST_STORE_PASSWORD");
  }

  @Test
  void aKeyStoreWithoutItsPasswordNamesThePasswordSetting() {
    Path keys = certificates.writeClientKeyStore(dir.resolve("client.p12"), "key-pass".toCharArray());

    assertThatThrownBy(() -> TlsMaterial.load(TlsSettings.DEFAULT.withKeyStore(keys, null)))
        .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("client.p12")
        .hasMessageContaining("RETARUS_KEY_STORE_PASSWORD");
  }

  @Test
  void aKeyStoreOfCertificatesOnlyHoldsNoPrivateKey() {
    Path notKeys = certificates.writeTrustStore(dir.resolve("ca.p12"), "key-pass".toCharArray());

    assertThatThrownBy(() -> TlsMaterial.load(TlsSettings.DEFAULT.withKeyStore(notKeys, "key-pass")))
        .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("ca.p12").hasMessageContaining("no private key");
    assertThatThrownBy(() -> TlsMaterial.load(TlsSettings.DEFAULT.withKeyStore(certificates.writeAuthorityPem(
        dir.resolve("ca.pem")), null)))
        .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("ca.pem").hasMessageContaining("PEM without a private key");
  }

  @Test
  void aPemKeyAndChainGiveTheClientCertificate() {
    Path pem = certificates.writeClientPem(dir.resolve("client.pem"));

    TlsMaterial material = TlsMaterial.load(TlsSettings.DEFAULT.withKeyStore(pem, null));

    String alias = material.keyManager().chooseClientAlias(new String[] {"EC"}, null, null);
    assertThat(material.keyManager().getCertificateChain(alias)[0]).isEqualTo(certificates.clientCertificate());
    assertThat(material.keyManager().getPrivateKey(alias)).isNotNull();
  }

  @Test
  void aPemKeyInAFormJavaCannotReadIsNamedWithTheWayOut() throws Exception {
    Path traditional = dir.resolve("legacy.pem");
    Files.writeString(traditional, "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n"
        + TestCertificates.pem(certificates.clientCertificate()));
    Path encrypted = dir.resolve("encrypted.pem");
    Files.writeString(encrypted, "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n");

    assertThatThrownBy(() -> TlsMaterial.load(TlsSettings.DEFAULT.withKeyStore(traditional, null)))
        .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("legacy.pem").hasMessageContaining("PKCS#12");
    assertThatThrownBy(() -> TlsMaterial.load(TlsSettings.DEFAULT.withKeyStore(encrypted, "key-pass")))
        .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("encrypted.pem").hasMessageContaining("PKCS#12")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("key-pass"));
  }

  @Test
  void aServerCertificateWithoutSubjectAltNameIsRefusedEvenWhenTrusted() throws Exception {
    TestCertificates commonNameOnly = TestCertificates.forServer("localhost").commonNameOnly().generate();
    TlsMaterial material = TlsMaterial.load(TlsSettings.trusting(commonNameOnly.writeAuthorityPem(dir.resolve("ca.pem")), null));
    X509Certificate[] chain = {commonNameOnly.serverCertificate(), commonNameOnly.authority()};

    assertThatThrownBy(() -> material.trustManager().checkServerTrusted(chain, "ECDHE_ECDSA"))
        .isInstanceOfSatisfying(CertificateRejectedException.class,
            e -> assertThat(e.problem()).isEqualTo(Problem.HOSTNAME_MISMATCH))
        .hasMessageContaining("CN=localhost").hasMessageContaining("subjectAltName");
  }

  @Test
  void anExpiredServerCertificateIsRefusedNamingItsDates() throws Exception {
    Instant until = Instant.now().minus(Duration.ofHours(2));
    TestCertificates expired = TestCertificates.forServer("localhost")
        .serverValidity(until.minus(Duration.ofDays(90)), until).generate();
    TlsMaterial material = TlsMaterial.load(TlsSettings.trusting(expired.writeAuthorityPem(dir.resolve("ca.pem")), null));
    X509Certificate[] chain = {expired.serverCertificate(), expired.authority()};

    assertThatThrownBy(() -> material.trustManager().checkServerTrusted(chain, "ECDHE_ECDSA"))
        .isInstanceOfSatisfying(CertificateRejectedException.class,
            e -> assertThat(e.problem()).isEqualTo(Problem.EXPIRED_CERTIFICATE))
        .hasMessageContaining(until.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
  }

  @Test
  void theKeyManagerNotesAServerAskingForACertificateUntilItAnswers() {
    TlsMaterial material = TlsMaterial.load(TlsSettings.DEFAULT);
    URI endpoint = URI.create("https://faxws.example.test/rest/v1");

    assertThat(material.keyManager()).as("a key manager even without a key store")
        .isInstanceOf(javax.net.ssl.X509ExtendedKeyManager.class);
    assertThat(material.hasClientCertificate()).isFalse();
    assertThat(material.clientCertificateRefusal(endpoint)).isNull();

    // What the JDK does in a handshake whose server sends a CertificateRequest.
    javax.net.ssl.SSLEngine engine = material.sslContext().createSSLEngine("faxws.example.test", 443);
    String alias = ((javax.net.ssl.X509ExtendedKeyManager) material.keyManager())
        .chooseEngineClientAlias(new String[] {"EC"}, null, engine);

    assertThat(alias).isNull();
    assertThat(material.clientCertificateRefusal(endpoint)).contains("asked for a client certificate")
        .contains("none is configured");
    assertThat(material.clientCertificateRefusal(URI.create("https://faxws-other.example.test/rest/v1"))).isNull();
    material.answered(endpoint);
    assertThat(material.clientCertificateRefusal(endpoint)).isNull();
  }
}
