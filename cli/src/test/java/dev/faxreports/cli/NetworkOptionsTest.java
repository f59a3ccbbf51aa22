package dev.faxreports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faxreports.model.DataCenter;
import dev.faxreports.testkit.FakeFaxServer;
import dev.faxreports.testkit.FakeFaxService;
import dev.faxreports.testkit.ServerTls;
import dev.faxreports.testsupport.proxy.ForwardProxy;
import dev.faxreports.testsupport.tls.TestCertificates;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The tool behind a corporate proxy and a private CA, as a black box: {@code --proxy},
 * {@code HTTPS_PROXY}, {@code --no-proxy}, proxy credentials from the URL or the environment,
 * {@code --trust-store}, {@code --key-store}; the exit codes of a refused proxy (3), of a TLS
 * failure (5) and of a store that cannot be used (2, before any request); and no password in any
 * output.
 */
class NetworkOptionsTest {

  private static final String HOST = "faxws.cli-proxy-only.test";
  private static final String PROXY_USER = "egress";
  private static final String PROXY_PASSWORD = "Egress-Secret-9";
  private static TestCertificates certificates;
  private static ForwardProxy proxy;

  private final FakeFaxService fake = FakeFaxService.europe();
  private FakeFaxServer server;
  private final Map<String, String> environment = new HashMap<>(Map.of(
      "RETARUS_USERNAME", CliFixture.CREDENTIALS.username(),
      "RETARUS_PASSWORD", CliFixture.PASSWORD,
      "RETARUS_CUSTOMER_NUMBER", "12345"));
  private final List<String> printed = new ArrayList<>();
  @TempDir Path dir;

  @BeforeAll
  static void startProxy() {
    certificates = TestCertificates.generate(HOST, "localhost");
    proxy = ForwardProxy.builder().resolve(HOST).basicAuth(PROXY_USER, PROXY_PASSWORD).start();
  }

  @AfterAll
  static void stopProxy() {
    proxy.close();
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
    assertThat(printed).allSatisfy(text -> assertThat(text)
        .doesNotContain(PROXY_PASSWORD).doesNotContain("Wrong-Secret").doesNotContain(CliFixture.PASSWORD)
        .doesNotContain("Trust-Secret-3").doesNotContain("Key-Secret-4"));
  }

  /** What one run printed and returned. */
  private record Run(int exit, String out, String err) {}

  private Run run(String host, boolean clientCertificate, String... args) {
    fake.seedSamples(DataCenter.DE1, 3);
    ServerTls tls = certificates.serverTls(host);
    server = FakeFaxServer.startHttps(fake, "12345", CliFixture.CREDENTIALS,
        clientCertificate ? tls.requiringClientCertificate() : tls);
    List<String> command = new ArrayList<>();
    server.dataCenters().forEach(dc -> command.addAll(List.of("--endpoint", dc.name() + "=" + dc.baseUri())));
    command.addAll(List.of("--request-timeout", "PT5S"));
    command.addAll(List.of(args));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = FaxReportsCli.run(command.toArray(String[]::new), environment,
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), false);
    Run run = new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    printed.add(run.out());
    printed.add(run.err());
    return run;
  }

  private String caPem() {
    return certificates.writeAuthorityPem(dir.resolve("ca.pem")).toString();
  }

  private String proxyUrl(String user, String password) {
    return "http://" + (user == null ? "" : user + ":" + password + "@") + "127.0.0.1:" + proxy.port();
  }

  @Test
  void throughTheProxyGivenAsAnOptionWithCredentialsInItsUrl() {
    Run run = run(HOST, false, "--proxy", proxyUrl(PROXY_USER, PROXY_PASSWORD), "--trust-store", caPem(), "list");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out().lines()).hasSize(3);
  }

  @Test
  void throughHttpsProxyFromTheEnvironmentWithRetarusProxyCredentials() {
    environment.put("HTTPS_PROXY", proxyUrl(null, null));
    environment.put("RETARUS_PROXY_USERNAME", PROXY_USER);
    environment.put("RETARUS_PROXY_PASSWORD", PROXY_PASSWORD);

    Run run = run(HOST, false, "--trust-store", caPem(), "list");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out().lines()).hasSize(3);
  }

  @Test
  void aProxyRefusingItsCredentialsExitsThreeAndNamesTheProxy() {
    Run run = run(HOST, false, "--proxy", proxyUrl(PROXY_USER, "Wrong-Secret-1"), "--trust-store", caPem(), "list");

    assertThat(run.exit()).as(run.err()).isEqualTo(3);
    assertThat(run.err()).contains("proxy").contains("127.0.0.1:" + proxy.port());
  }

  @Test
  void noProxyOverridesTheEnvironmentsList() {
    environment.put("HTTPS_PROXY", proxyUrl(PROXY_USER, PROXY_PASSWORD));
    environment.put("NO_PROXY", HOST); // only the proxy can resolve HOST: going direct fails

    Run direct = run(HOST, false, "--trust-store", caPem(), "list");
    server.close();
    Run viaProxy = run(HOST, false, "--trust-store", caPem(), "--no-proxy", "elsewhere.example", "list");

    assertThat(direct.exit()).isEqualTo(5);
    assertThat(viaProxy.exit()).as(viaProxy.err()).isZero();
  }

  @Test
  void anUntrustedCertificateExitsFiveAtOnceSayingTlsCertificateAndTheHost() {
    Run run = run("localhost", false, "--max-attempts", "4", "list");

    assertThat(run.exit()).isEqualTo(5);
    assertThat(run.err()).contains("TLS").contains("certificate").contains("localhost").contains("--trust-store");
    assertThat(fake.calls()).isEmpty();
  }

  @Test
  void aPkcs12TrustStoreAndAClientCertificateWithTheirPasswordsFromTheEnvironment() {
    String trust = certificates.writeTrustStore(dir.resolve("trust.p12"), "Trust-Secret-3".toCharArray()).toString();
    String keys = certificates.writeClientKeyStore(dir.resolve("client.p12"), "Key-Secret-4".toCharArray()).toString();
    environment.put("RETARUS_TRUST_STORE_PASSWORD", "Trust-Secret-3");
    environment.put("RETARUS_KEY_STORE_PASSWORD", "Key-Secret-4");

    Run run = run("localhost", true, "--trust-store", trust, "--key-store", keys, "list");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out().lines()).hasSize(3);
  }

  @Test
  void aWrongKeyStorePasswordIsBadUsageNamingTheFile() {
    String keys = certificates.writeClientKeyStore(dir.resolve("client.p12"), "Key-Secret-4".toCharArray()).toString();
    environment.put("RETARUS_KEY_STORE_PASSWORD", "Wrong-Secret-2");

    Run run = run("localhost", true, "--trust-store", caPem(), "--key-store", keys, "list");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("client.p12").contains("password");
  }

  @ParameterizedTest
  @ValueSource(strings = {"feign", "vertx"})
  void aPkcs12TrustStoreWithoutItsPasswordExitsTwoNamingTheFileAndThePasswordVariable(String transport) {
    String trust = certificates.writeTrustStore(dir.resolve("trust.p12"), "Trust-Secret-3".toCharArray()).toString();

    Run run = run("localhost", false, "--transport", transport, "--trust-store", trust, "list");

    assertThat(run.exit()).as(run.err()).isEqualTo(2);
    assertThat(run.err()).contains("trust.p12").contains("RETARUS_TRUST_STORE_PASSWORD")
        .doesNotContain("trustAnchors");
    assertThat(fake.calls()).as("nothing sent").isEmpty();
  }

  @Test
  void aKeyStoreWithoutItsPasswordExitsTwoNamingThePasswordVariable() {
    String keys = certificates.writeClientKeyStore(dir.resolve("client.p12"), "Key-Secret-4".toCharArray()).toString();

    Run run = run("localhost", true, "--trust-store", caPem(), "--key-store", keys, "list");

    assertThat(run.exit()).as(run.err()).isEqualTo(2);
    assertThat(run.err()).contains("client.p12").contains("RETARUS_KEY_STORE_PASSWORD");
    assertThat(fake.calls()).isEmpty();
  }

  @Test
  void aKeyStoreHoldingNoPrivateKeyExitsTwoBeforeAnyRequest() {
    String notKeys = certificates.writeTrustStore(dir.resolve("ca-only.p12"), "Key-Secret-4".toCharArray()).toString();
    environment.put("RETARUS_KEY_STORE_PASSWORD", "Key-Secret-4");

    Run run = run("localhost", true, "--trust-store", caPem(), "--key-store", notKeys, "list");

    assertThat(run.exit()).as(run.err()).isEqualTo(2);
    assertThat(run.err()).contains("ca-only.p12").contains("no private key");
    assertThat(fake.calls()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"feign", "vertx"})
  void aPemKeyAndCertificateChainServeAsTheKeyStore(String transport) {
    String pem = certificates.writeClientPem(dir.resolve("client.pem")).toString();

    Run run = run("localhost", true, "--transport", transport, "--trust-store", caPem(), "--key-store", pem, "list");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out().lines()).hasSize(3);
  }

  @ParameterizedTest
  @ValueSource(strings = {"feign", "vertx"})
  void aProxyWhoseNameDoesNotResolveIsNamedAsWhatDoesNotResolve(String transport) {
    Run run = run(HOST, false, "--transport", transport, "--proxy", "http://proxy.invalid:3128",
        "--trust-store", caPem(), "--max-attempts", "1", "list");

    assertThat(run.exit()).as(run.err()).isEqualTo(5);
    assertThat(run.err()).contains("could not connect to the proxy http://proxy.invalid:3128")
        .contains("the proxy's name does not resolve").doesNotContain("configure the proxy");
  }
}
