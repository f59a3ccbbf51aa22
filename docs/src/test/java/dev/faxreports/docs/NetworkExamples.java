package dev.faxreports.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faxreports.FaxReports;
import dev.faxreports.error.DataCenterFailureException;
import dev.faxreports.error.TlsFailureException;
import dev.faxreports.model.Credentials;
import dev.faxreports.model.DataCenter;
import dev.faxreports.port.ProxySettings;
import dev.faxreports.port.TlsSettings;
import dev.faxreports.testkit.FakeFaxServer;
import dev.faxreports.testkit.FakeFaxService;
import dev.faxreports.testsupport.proxy.ForwardProxy;
import dev.faxreports.testsupport.tls.TestCertificates;
import dev.faxreports.transport.feign.FeignTransportProvider;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Networks page: a corporate proxy with credentials, a private CA, a client certificate. */
class NetworkExamples {

  private static final String HOST = "faxws.corp-proxy-only.test";

  @TempDir Path dir;

  @Test
  void throughACorporateProxyTrustingAPrivateCa() {
    TestCertificates company = TestCertificates.generate(HOST);
    String caFile = company.writeAuthorityPem(dir.resolve("corporate-ca.pem")).toString();
    FakeFaxService fake = FakeFaxService.europe();
    fake.seedSamples(DataCenter.DE1, 3);
    try (ForwardProxy proxy = ForwardProxy.builder().resolve(HOST).basicAuth("egress-user", "egress-pass").start();
         FakeFaxServer server = FakeFaxServer.startHttps(fake, Fixture.CUSTOMER, Fixture.CREDENTIALS,
             company.serverTls(HOST))) {
      List<DataCenter> dataCenters = server.dataCenters();
      String customerNumber = Fixture.CUSTOMER;
      Credentials credentials = Fixture.CREDENTIALS;
      String proxyUrl = "http://127.0.0.1:" + proxy.port();
      String proxyUser = "egress-user";
      String proxyPassword = "egress-pass";
      // tag::proxy[]
      try (FaxReports reports = FaxReports.builder()
          .dataCenters(dataCenters)                     // or .region(Region.EUROPE)
          .customerNumber(customerNumber)
          .credentials(credentials)
          .transport(new FeignTransportProvider())
          .proxy(ProxySettings.parse(proxyUrl))         // http://[user:password@]host:port
          .proxyCredentials(new Credentials(proxyUser, proxyPassword))
          .proxyBypass(List.of("localhost", ".intranet.example"))
          .tls(TlsSettings.trusting(Path.of(caFile), null))  // PEM, or PKCS#12/JKS and its password
          .build()) {
        System.out.println(reports.list().reports().size() + " reports, through the proxy");
      }
      // end::proxy[]
      assertThat(fake.reports(DataCenter.DE1)).hasSize(3);
      assertThat(server.requests()).hasSize(2); // one listing per data center
      assertThat(proxy.connects(HOST)).as("tunnels through the proxy").isPositive();
    }
  }

  @Test
  void aClientCertificateForMutualTls() {
    TestCertificates company = TestCertificates.generate("localhost");
    Path caFile = company.writeAuthorityPem(dir.resolve("ca.pem"));
    Path keyStore = company.writeClientKeyStore(dir.resolve("client.p12"), "key-pass".toCharArray());
    FakeFaxService fake = FakeFaxService.europe();
    fake.seedSamples(DataCenter.DE2, 2);
    try (FakeFaxServer server = FakeFaxServer.startHttps(fake, Fixture.CUSTOMER, Fixture.CREDENTIALS,
        company.serverTls("localhost").requiringClientCertificate())) {
      String keyStorePassword = "key-pass";
      // tag::mtls[]
      TlsSettings tls = TlsSettings.trusting(caFile, null)
          .withKeyStore(keyStore, keyStorePassword);   // PKCS#12 with the client's key and chain
      // end::mtls[]
      try (FaxReports reports = FaxReports.builder().dataCenters(server.dataCenters())
          .customerNumber(Fixture.CUSTOMER).credentials(Fixture.CREDENTIALS)
          .transport(new FeignTransportProvider()).noProxy().tls(tls).build()) {
        assertThat(reports.list().reports()).hasSize(2);
      }
    }
  }

  @Test
  void anUntrustedCertificateSaysWhatToSet() {
    TestCertificates company = TestCertificates.generate("localhost");
    try (FakeFaxServer server = FakeFaxServer.startHttps(FakeFaxService.europe(), Fixture.CUSTOMER,
        Fixture.CREDENTIALS, company.serverTls("localhost"));
         FaxReports reports = FaxReports.builder().dataCenters(server.dataCenters())
             .customerNumber(Fixture.CUSTOMER).credentials(Fixture.CREDENTIALS)
             .transport(new FeignTransportProvider()).noProxy().strict(true).build()) {
      assertThatThrownBy(reports::list).isInstanceOf(DataCenterFailureException.class)
          .satisfies(e -> assertThat(((DataCenterFailureException) e).failures().values())
              .allSatisfy(failure -> assertThat(failure).isInstanceOf(TlsFailureException.class)
                  .hasMessageContaining("trust store")));
    }
  }
}
