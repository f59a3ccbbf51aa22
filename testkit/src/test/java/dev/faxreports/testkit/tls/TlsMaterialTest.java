package dev.faxreports.testkit.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faxreports.error.InvalidArgumentException;
import dev.faxreports.port.TlsMaterial;
import dev.faxreports.port.TlsSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
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
}
