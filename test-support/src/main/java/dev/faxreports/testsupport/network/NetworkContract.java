package dev.faxreports.testsupport.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faxreports.DrainSummary;
import dev.faxreports.FaxReports;
import dev.faxreports.FaxReportsBuilder;
import dev.faxreports.RetryPolicy;
import dev.faxreports.error.DataCenterFailureException;
import dev.faxreports.error.DeadlineExceededException;
import dev.faxreports.error.FaxReportsException;
import dev.faxreports.error.InvalidArgumentException;
import dev.faxreports.error.ProxyAuthenticationException;
import dev.faxreports.error.ServiceUnavailableException;
import dev.faxreports.error.TlsFailureException;
import dev.faxreports.error.TransportException;
import dev.faxreports.model.Credentials;
import dev.faxreports.model.DataCenter;
import dev.faxreports.model.FaxReport;
import dev.faxreports.observe.FaxReportsObserver;
import dev.faxreports.observe.RetryScheduled;
import dev.faxreports.port.FaxReportsTransportProvider;
import dev.faxreports.port.ProxySettings;
import dev.faxreports.port.TlsSettings;
import dev.faxreports.port.UserAgent;
import dev.faxreports.testkit.FakeFaxServer;
import dev.faxreports.testkit.FakeFaxService;
import dev.faxreports.testkit.Fault;
import dev.faxreports.testkit.Operation;
import dev.faxreports.testkit.ServerTls;
import dev.faxreports.testkit.contract.ContractSubject;
import dev.faxreports.testsupport.proxy.ForwardProxy;
import dev.faxreports.testsupport.proxy.ScriptedProxy;
import dev.faxreports.testsupport.tls.TestCertificates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The networks users have, which every HTTP transport must handle alike: TLS with a private CA
 * (trust from PEM or PKCS#12, a client certificate when the server wants one, and clear,
 * non-retried errors when the certificate is untrusted, for another host, named only in its common
 * name, or out of its validity), stores that cannot be used failing {@code build()}, a real forward
 * proxy ({@link ForwardProxy}, in the test JVM) with and without Basic credentials that alone can
 * resolve the service's host name, its bypass list, proxies that misbehave ({@link ScriptedProxy}),
 * and the User-Agent.
 */
public abstract class NetworkContract {

  /** A name only the test proxy resolves: reaching it proves the request went through the proxy. */
  protected static final String PROXY_ONLY_HOST = "faxws.proxy-only.test";
  private static final String PROXY_USER = "proxy-user";
  private static final String PROXY_PASSWORD = "Proxy-Pässword-7";
  private static final Credentials CREDENTIALS = ContractSubject.CREDENTIALS;
  private static final String CUSTOMER = ContractSubject.CUSTOMER_NUMBER;

  private static TestCertificates certificates;
  private static ForwardProxy openProxy;
  private static ForwardProxy authenticatingProxy;
  private static Path files;

  private final FakeFaxService fake = FakeFaxService.europe();
  private FakeFaxServer server;
  private FaxReports reports;

  /** The provider under test. */
  protected abstract FaxReportsTransportProvider provider();

  @BeforeAll
  static void startProxiesAndMakeCertificates() throws IOException {
    certificates = TestCertificates.generate("localhost", PROXY_ONLY_HOST, "127.0.0.1");
    files = Files.createTempDirectory("faxreports-network-contract-");
    openProxy = ForwardProxy.builder().resolve(PROXY_ONLY_HOST).start();
    authenticatingProxy = ForwardProxy.builder().resolve(PROXY_ONLY_HOST).basicAuth(PROXY_USER, PROXY_PASSWORD).start();
  }

  @AfterAll
  static void stopProxies() {
    if (openProxy != null) {
      openProxy.close();
    }
    if (authenticatingProxy != null) {
      authenticatingProxy.close();
    }
  }

  @AfterEach
  void stop() {
    if (reports != null) {
      reports.close();
    }
    if (server != null) {
      server.close();
    }
  }

  private List<DataCenter> serve(ServerTls tls) {
    server = FakeFaxServer.startHttps(fake, CUSTOMER, CREDENTIALS, tls);
    return server.dataCenters();
  }

  private FaxReports facade(List<DataCenter> dataCenters, UnaryOperator<FaxReportsBuilder> network) {
    reports = network.apply(FaxReports.builder()
        .dataCenters(dataCenters)
        .customerNumber(CUSTOMER)
        .credentials(CREDENTIALS)
        .transport(provider())
        .noProxy()
        .retryPolicy(new RetryPolicy(4, Duration.ofMillis(20), Duration.ofMillis(200), 2.0))
        .requestTimeout(Duration.ofSeconds(10))
        .deadline(Duration.ofSeconds(60))
        .strict(true))
        .build();
    return reports;
  }

  private static Path pem() {
    return certificates.writeAuthorityPem(files.resolve("ca-" + System.nanoTime() + ".pem"));
  }

  private static TlsSettings trustingTheTestCa() {
    return TlsSettings.trusting(pem(), null);
  }

  private static ProxySettings proxy(ForwardProxy forwardProxy, Credentials credentials) {
    return new ProxySettings("127.0.0.1", forwardProxy.port(), credentials, List.of());
  }

  private static Set<String> ids(List<FaxReport> reports) {
    Set<String> ids = new HashSet<>();
    reports.forEach(report -> ids.add(report.jobId()));
    return ids;
  }

  /**
   * The failure of the first data center, unwrapped from the strict facade's exception (a {@link
   * DataCenterFailureException}, or the common type when every data center failed alike).
   */
  private static Throwable failureOf(Runnable call) {
    try {
      call.run();
    } catch (FaxReportsException e) {
      return e.failures().isEmpty() ? e : e.failures().values().iterator().next();
    }
    throw new AssertionError("the call succeeded");
  }

  // ---- trust ------------------------------------------------------------------------------------

  @Test
  void trustFromAPemFileReplacesTheJvmTrust() {
    List<FaxReport> seeded = fake.seedSamples(DataCenter.DE1, 3);
    FaxReports facade = facade(serve(certificates.serverTls("localhost")), b -> b.tls(trustingTheTestCa()));

    assertThat(ids(facade.list().reports())).isEqualTo(ids(seeded));
  }

  @Test
  void trustFromAPkcs12StoreWithItsPassword() {
    List<FaxReport> seeded = fake.seedSamples(DataCenter.DE2, 2);
    Path store = certificates.writeTrustStore(files.resolve("trust-" + System.nanoTime() + ".p12"), "store-pass".toCharArray());
    FaxReports facade = facade(serve(certificates.serverTls("localhost")),
        b -> b.tls(TlsSettings.trusting(store, "store-pass")));

    assertThat(ids(facade.list().reports())).isEqualTo(ids(seeded));
  }

  @Test
  void anUntrustedCertificateIsOneAttemptAndSaysWhatToSet() {
    FaxReports facade = facade(serve(certificates.serverTls("localhost")), b -> b); // the JVM's trust

    Throwable failure = failureOf(facade::list);

    assertThat(failure).isInstanceOf(TlsFailureException.class)
        .hasMessageContaining("localhost").hasMessageContaining("certificate").hasMessageContaining("trust store");
    assertThat(((TlsFailureException) failure).problem()).isEqualTo(TlsFailureException.Problem.UNTRUSTED_CERTIFICATE);
    assertThat(fake.calls(Operation.LIST)).as("refused in the handshake, never retried").isEmpty();
  }

  @Test
  void aCertificateForAnotherHostIsATlsFailure() {
    TestCertificates other = TestCertificates.generate("not-this-host.example");
    Path pem = other.writeAuthorityPem(files.resolve("other-" + System.nanoTime() + ".pem"));
    FaxReports facade = facade(serve(other.serverTls("localhost")), b -> b.tls(TlsSettings.trusting(pem, null)));

    Throwable failure = failureOf(facade::list);

    assertThat(failure).isInstanceOf(TlsFailureException.class).hasMessageContaining("localhost");
    assertThat(((TlsFailureException) failure).problem()).isEqualTo(TlsFailureException.Problem.HOSTNAME_MISMATCH);
    assertThat(fake.calls(Operation.LIST)).isEmpty();
  }

  @Test
  void aServerRequiringAClientCertificateGetsTheOneFromTheKeyStore() {
    fake.seedSamples(DataCenter.DE1, 2);
    Path keys = certificates.writeClientKeyStore(files.resolve("client-" + System.nanoTime() + ".p12"), "key-pass".toCharArray());
    FaxReports facade = facade(serve(certificates.serverTls("localhost").requiringClientCertificate()),
        b -> b.tls(trustingTheTestCa().withKeyStore(keys, "key-pass")));

    assertThat(facade.list().reports()).hasSize(2);
  }

  @Test
  void withoutTheClientCertificateAServerRequiresTheCallFailsWithoutRetrying() {
    FaxReports facade = facade(serve(certificates.serverTls("localhost").requiringClientCertificate()),
        b -> b.tls(trustingTheTestCa()));

    Throwable failure = failureOf(facade::list);

    assertThat(failure).isInstanceOf(TlsFailureException.class).hasMessageContaining("client certificate");
    assertThat(((TlsFailureException) failure).problem()).isEqualTo(TlsFailureException.Problem.HANDSHAKE_REFUSED);
    assertThat(fake.calls(Operation.LIST)).isEmpty();
  }

  @Test
  void aTlsOneTwoServerRefusingAClientWithoutCertificateThroughARelayIsAlwaysTheRefusedHandshake() {
    // TLS 1.2: the client sends its whole flight before the server refuses, and through a relay the
    // refusal may come as a broken pipe or a reset instead of the server's alert.
    List<DataCenter> dataCenters = serve(certificates.serverTls(PROXY_ONLY_HOST).requiringClientCertificate()
        .onlyProtocols("TLSv1.2"));
    for (int round = 0; round < 5; round++) {
      long before = openProxy.connects(PROXY_ONLY_HOST);
      FaxReports facade = facade(dataCenters, b -> b.tls(trustingTheTestCa()).proxy(proxy(openProxy, null)));

      Throwable failure = failureOf(facade::list);

      assertThat(failure).as("round %d", round).isInstanceOf(TlsFailureException.class)
          .hasMessageContaining(PROXY_ONLY_HOST).hasMessageContaining("client certificate")
          .hasMessageContaining("key store");
      assertThat(((TlsFailureException) failure).problem()).isEqualTo(TlsFailureException.Problem.HANDSHAKE_REFUSED);
      assertThat(openProxy.connects(PROXY_ONLY_HOST) - before).as("one tunnel per data center: never retried")
          .isEqualTo(dataCenters.size());
      facade.close();
    }
    assertThat(fake.calls()).isEmpty();
  }

  @Test
  void aCertificateNamingTheHostOnlyInItsCommonNameIsRefusedLikeAnotherHosts() {
    TestCertificates commonNameOnly = TestCertificates.forServer("localhost").commonNameOnly().generate();
    Path pem = commonNameOnly.writeAuthorityPem(files.resolve("cn-only-" + System.nanoTime() + ".pem"));
    FaxReports facade = facade(serve(commonNameOnly.serverTls("localhost")), b -> b.tls(TlsSettings.trusting(pem, null)));

    Throwable failure = failureOf(facade::list);

    assertThat(failure).isInstanceOf(TlsFailureException.class).hasMessageContaining("localhost")
        .hasMessageContaining("subjectAltName");
    assertThat(((TlsFailureException) failure).problem()).isEqualTo(TlsFailureException.Problem.HOSTNAME_MISMATCH);
    assertThat(fake.calls()).isEmpty();
  }

  @Test
  void anExpiredCertificateIsReportedAsExpiredWithItsDates() {
    Instant now = Instant.now();
    Instant from = now.minus(Duration.ofDays(30));
    Instant until = now.minus(Duration.ofDays(1));
    TestCertificates expired = TestCertificates.forServer("localhost").serverValidity(from, until).generate();
    Path pem = expired.writeAuthorityPem(files.resolve("expired-" + System.nanoTime() + ".pem"));
    FaxReports facade = facade(serve(expired.serverTls("localhost")), b -> b.tls(TlsSettings.trusting(pem, null)));

    Throwable failure = failureOf(facade::list);

    assertThat(failure).isInstanceOf(TlsFailureException.class).hasMessageContaining("localhost")
        .hasMessageContaining("expired").hasMessageContaining(day(until)).hasMessageContaining(day(from))
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("trust store"));
    assertThat(((TlsFailureException) failure).problem()).isEqualTo(TlsFailureException.Problem.EXPIRED_CERTIFICATE);
    assertThat(fake.calls()).isEmpty();
  }

  @Test
  void aCertificateNotYetValidIsReportedAsThatWithItsDates() {
    Instant now = Instant.now();
    Instant from = now.plus(Duration.ofDays(2));
    Instant until = now.plus(Duration.ofDays(30));
    TestCertificates early = TestCertificates.forServer("localhost").serverValidity(from, until).generate();
    Path pem = early.writeAuthorityPem(files.resolve("early-" + System.nanoTime() + ".pem"));
    FaxReports facade = facade(serve(early.serverTls("localhost")), b -> b.tls(TlsSettings.trusting(pem, null)));

    Throwable failure = failureOf(facade::list);

    assertThat(failure).isInstanceOf(TlsFailureException.class).hasMessageContaining("not yet valid")
        .hasMessageContaining(day(from)).satisfies(e -> assertThat(e.getMessage()).doesNotContain("trust store"));
    assertThat(((TlsFailureException) failure).problem()).isEqualTo(TlsFailureException.Problem.CERTIFICATE_NOT_YET_VALID);
    assertThat(fake.calls()).isEmpty();
  }

  /** {@code 2031-04-05}: the day a validity date is printed with, whatever the time and zone format. */
  private static String day(Instant instant) {
    return instant.toString().substring(0, 10);
  }

  // ---- stores that cannot be used fail build() ---------------------------------------------------

  @Test
  void aPkcs12TrustStoreWithoutItsPasswordFailsBuildNamingTheFileAndThePasswordSetting() {
    Path store = certificates.writeTrustStore(files.resolve("trust-" + System.nanoTime() + ".p12"), "store-pass".toCharArray());
    List<DataCenter> dataCenters = serve(certificates.serverTls("localhost"));

    assertThatThrownBy(() -> facade(dataCenters, b -> b.tls(TlsSettings.trusting(store, null))))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining(store.toString())
        .hasMessageContaining("retarus.fax.trust-store-password").hasMessageContaining("RETARUS_TRUST_STORE_PASSWORD");
    assertThat(fake.calls()).isEmpty();
  }

  @Test
  void aKeyStoreWithoutItsPasswordFailsBuildNamingThePasswordSetting() {
    Path keys = certificates.writeClientKeyStore(files.resolve("client-" + System.nanoTime() + ".p12"), "key-pass".toCharArray());

    assertThatThrownBy(() -> facade(serve(certificates.serverTls("localhost")),
        b -> b.tls(trustingTheTestCa().withKeyStore(keys, null))))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining(keys.toString())
        .hasMessageContaining("retarus.fax.key-store-password").hasMessageContaining("RETARUS_KEY_STORE_PASSWORD");
  }

  @Test
  void aKeyStoreHoldingNoPrivateKeyFailsBuild() {
    Path notKeys = certificates.writeTrustStore(files.resolve("no-key-" + System.nanoTime() + ".p12"), "key-pass".toCharArray());

    assertThatThrownBy(() -> facade(serve(certificates.serverTls("localhost")),
        b -> b.tls(trustingTheTestCa().withKeyStore(notKeys, "key-pass"))))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining(notKeys.toString()).hasMessageContaining("no private key");
  }

  @Test
  void aPemKeyAndCertificateChainServeAsTheKeyStore() {
    fake.seedSamples(DataCenter.DE2, 2);
    Path pemKeys = certificates.writeClientPem(files.resolve("client-" + System.nanoTime() + ".pem"));
    FaxReports facade = facade(serve(certificates.serverTls("localhost").requiringClientCertificate()),
        b -> b.tls(trustingTheTestCa().withKeyStore(pemKeys, null)));

    assertThat(facade.list().reports()).hasSize(2);
  }

  // ---- proxies ----------------------------------------------------------------------------------

  @Test
  void throughAProxyToAHostOnlyTheProxyCanResolve() {
    List<FaxReport> seeded = fake.seedSamples(DataCenter.DE1, 4);
    long before = openProxy.connects(PROXY_ONLY_HOST);
    FaxReports facade = facade(serve(certificates.serverTls(PROXY_ONLY_HOST)),
        b -> b.tls(trustingTheTestCa()).proxy(proxy(openProxy, null)));

    assertThat(ids(facade.list().reports())).isEqualTo(ids(seeded));
    assertThat(openProxy.connects(PROXY_ONLY_HOST)).as("CONNECTs the proxy admitted").isGreaterThan(before);
  }

  @Test
  void throughAnAuthenticatingProxyWithItsCredentials() {
    List<FaxReport> seeded = fake.seedSamples(DataCenter.DE2, 3);
    FaxReports facade = facade(serve(certificates.serverTls(PROXY_ONLY_HOST)),
        b -> b.tls(trustingTheTestCa()).proxy(proxy(authenticatingProxy, new Credentials(PROXY_USER, PROXY_PASSWORD))));

    assertThat(ids(facade.list().reports())).isEqualTo(ids(seeded));
    assertThat(authenticatingProxy.connects(PROXY_ONLY_HOST)).isPositive();
  }

  @Test
  void aProxyRefusingTheCredentialsIsAProxyAuthenticationFailureNamingIt() {
    FaxReports facade = facade(serve(certificates.serverTls(PROXY_ONLY_HOST)),
        b -> b.tls(trustingTheTestCa()).proxy(proxy(authenticatingProxy, new Credentials(PROXY_USER, "Wrong-Secret-1"))));

    Throwable failure = failureOf(facade::list);

    assertThat(failure).isInstanceOf(ProxyAuthenticationException.class)
        .hasMessageContaining("proxy").hasMessageContaining("127.0.0.1:" + authenticatingProxy.port())
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Wrong-Secret-1"));
    assertThat(fake.calls()).isEmpty();
  }

  @Test
  void aProxyWantingCredentialsWhenNoneAreConfiguredSaysSo() {
    FaxReports facade = facade(serve(certificates.serverTls(PROXY_ONLY_HOST)),
        b -> b.tls(trustingTheTestCa()).proxy(proxy(authenticatingProxy, null)));

    Throwable failure = failureOf(facade::list);

    assertThat(failure).isInstanceOf(ProxyAuthenticationException.class).hasMessageContaining("none are configured");
  }

  @Test
  void aHostOnTheBypassListIsReachedDirectly() {
    fake.seedSamples(DataCenter.DE1, 1);
    // Nothing listens at this "proxy": a request that went to it would fail.
    ProxySettings deadProxy = new ProxySettings("127.0.0.1", 1, null, List.of("localhost"));
    FaxReports facade = facade(serve(certificates.serverTls("localhost")),
        b -> b.tls(trustingTheTestCa()).proxy(deadProxy));

    assertThat(facade.list().reports()).hasSize(1);
  }

  @Test
  void aHostNotOnTheBypassListGoesToTheProxy() {
    ProxySettings deadProxy = new ProxySettings("127.0.0.1", 1, null, List.of(".elsewhere.example"));
    FaxReports facade = facade(serve(certificates.serverTls(PROXY_ONLY_HOST)),
        b -> b.tls(trustingTheTestCa()).proxy(deadProxy));

    assertThat(failureOf(facade::list)).isInstanceOf(FaxReportsException.class);
    assertThat(fake.calls()).isEmpty();
  }

  @Test
  void loopbackIsNeverProxiedByNameOrAddressAndTheProxyReceivesNothing() {
    fake.seedSamples(DataCenter.DE1, 2);
    List<DataCenter> byName = serve(certificates.serverTls("localhost"));
    List<DataCenter> byAddress = byName.stream().map(dc -> new DataCenter(dc.name(),
        java.net.URI.create(dc.baseUri().toString().replace("localhost", "127.0.0.1")))).toList();
    long before = openProxy.bytesReceived();

    for (List<DataCenter> dataCenters : List.of(byName, byAddress)) {
      FaxReports facade = facade(dataCenters, b -> b.tls(trustingTheTestCa()).proxy(proxy(openProxy, null)));
      assertThat(facade.list().reports()).hasSize(2);
      facade.close();
    }
    assertThat(openProxy.bytesReceived()).as("bytes the proxy received").isEqualTo(before);
  }

  @Test
  void aProxyWhoseNameDoesNotResolveIsNamedAsWhatCouldNotBeResolved() {
    ProxySettings unresolvable = new ProxySettings("proxy.invalid", 3128, null, List.of());
    FaxReports facade = facade(serve(certificates.serverTls(PROXY_ONLY_HOST)),
        b -> b.tls(trustingTheTestCa()).proxy(unresolvable));

    Throwable failure = failureOf(facade::list);

    assertThat(failure).isInstanceOf(TransportException.class)
        .hasMessageContaining("proxy http://proxy.invalid:3128").hasMessageContaining("does not resolve")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("configure the proxy"));
  }

  @Test
  void aProxyRefusingConnectionsIsNamedAsUnreachable() {
    ProxySettings closedPort = new ProxySettings("127.0.0.1", 1, null, List.of());
    FaxReports facade = facade(serve(certificates.serverTls(PROXY_ONLY_HOST)),
        b -> b.tls(trustingTheTestCa()).proxy(closedPort));

    Throwable failure = failureOf(facade::list);

    assertThat(failure).isInstanceOf(TransportException.class)
        .hasMessageContaining("could not connect to the proxy http://127.0.0.1:1").hasMessageContaining("refused")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("could not connect to " + PROXY_ONLY_HOST));
  }

  @Test
  void a407FromTheServerInsideTheTunnelIsTheServersNotTheProxys() {
    fake.faults().failNext(Operation.LIST, 2, Fault.status(407));
    FaxReports facade = facade(serve(certificates.serverTls(PROXY_ONLY_HOST)),
        b -> b.tls(trustingTheTestCa()).proxy(proxy(authenticatingProxy, new Credentials(PROXY_USER, PROXY_PASSWORD))));

    Throwable failure = failureOf(facade::list);

    assertThat(failure).isNotInstanceOf(ProxyAuthenticationException.class).isInstanceOf(FaxReportsException.class)
        .hasMessageContaining("407").hasMessageContaining("the data center itself")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("check the proxy").doesNotContain(PROXY_PASSWORD));
    assertThat(((FaxReportsException) failure).httpStatus()).isEqualTo(407);
    assertThat(fake.calls(Operation.LIST)).as("asked once in each data center").hasSize(2);
  }

  @Test
  void a407FromTheServerWithoutAProxyIsTheServersToo() {
    fake.faults().failNext(Operation.LIST, 2, Fault.status(407));
    FaxReports facade = facade(serve(certificates.serverTls("localhost")), b -> b.tls(trustingTheTestCa()));

    Throwable failure = failureOf(facade::list);

    assertThat(failure).isNotInstanceOf(ProxyAuthenticationException.class)
        .hasMessageContaining("407").hasMessageContaining("the data center itself");
    assertThat(fake.calls(Operation.LIST)).as("asked once in each data center").hasSize(2);
  }

  @Test
  void aProxyOfferingOnlyDigestNtlmOrNegotiateSaysOnlyBasicIsSupported() {
    try (ScriptedProxy ntlm = ScriptedProxy.answering("HTTP/1.1 407 Proxy Authentication Required\r\n"
        + "Proxy-Authenticate: NTLM\r\nProxy-Authenticate: Negotiate\r\n"
        + "Proxy-Authenticate: Digest realm=\"corp\", nonce=\"abc\"\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")) {
      FaxReports facade = facade(serve(certificates.serverTls(PROXY_ONLY_HOST)), b -> b.tls(trustingTheTestCa())
          .proxy(new ProxySettings("127.0.0.1", ntlm.port(), new Credentials(PROXY_USER, PROXY_PASSWORD), List.of())));

      Throwable failure = failureOf(facade::list);

      assertThat(failure).isInstanceOf(ProxyAuthenticationException.class)
          .hasMessageContaining("127.0.0.1:" + ntlm.port()).hasMessageContaining("NTLM")
          .hasMessageContaining("Negotiate").hasMessageContaining("Digest").hasMessageContaining("only Basic")
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("check the proxy user name and password")
              .doesNotContain(PROXY_PASSWORD));
      assertThat(ntlm.requests()).as("one CONNECT per data center, none repeated").hasSize(2);
    }
  }

  @Test
  void aProxyAnsweringConnectWith503AndRetryAfterIsRetriedAfterThatDelay() {
    try (ScriptedProxy busy = ScriptedProxy.answering("HTTP/1.1 503 Service Unavailable\r\nRetry-After: 1\r\n"
        + "Content-Length: 0\r\nConnection: close\r\n\r\n")) {
      List<RetryScheduled> retries = new CopyOnWriteArrayList<>();
      FaxReports facade = facade(serve(certificates.serverTls(PROXY_ONLY_HOST)), b -> b.tls(trustingTheTestCa())
          .proxy(new ProxySettings("127.0.0.1", busy.port(), null, List.of()))
          .retryPolicy(new RetryPolicy(2, Duration.ofMillis(20), Duration.ofMillis(200), 2.0))
          .observer(new FaxReportsObserver() {
            @Override
            public void retryScheduled(RetryScheduled retry) {
              retries.add(retry);
            }
          }));

      Throwable failure = failureOf(facade::list);

      assertThat(failure).isInstanceOf(ServiceUnavailableException.class)
          .hasMessageContaining("proxy http://127.0.0.1:" + busy.port()).hasMessageContaining("503");
      assertThat(((ServiceUnavailableException) failure).retryAfter()).contains(Duration.ofSeconds(1));
      assertThat(retries).hasSize(2).allSatisfy(retry -> assertThat(retry.delay()).isEqualTo(Duration.ofSeconds(1)));
      assertThat(busy.requests()).as("two tries in each data center").hasSize(4);
    }
  }

  @Test
  void aProxyAskingToWaitLongerThanTheDeadlineIsGivenUpAtOnceSayingSo() {
    try (ScriptedProxy busy = ScriptedProxy.answering("HTTP/1.1 503 Service Unavailable\r\nRetry-After: 3600\r\n"
        + "Content-Length: 0\r\nConnection: close\r\n\r\n")) {
      FaxReports facade = facade(serve(certificates.serverTls(PROXY_ONLY_HOST)), b -> b.tls(trustingTheTestCa())
          .proxy(new ProxySettings("127.0.0.1", busy.port(), null, List.of())));

      Throwable failure = failureOf(facade::list);

      assertThat(failure).isInstanceOf(DeadlineExceededException.class).hasMessageContaining("PT1H");
      assertThat(failure.getCause()).hasMessageContaining("proxy http://127.0.0.1:" + busy.port());
      assertThat(busy.requests()).as("one try in each data center").hasSize(2);
    }
  }

  @Test
  void aProxyThatAnswersConnectButSendsHtmlInsteadOfTlsSaysSoInOneLineAndIsNotRetried() {
    try (ScriptedProxy portal = ScriptedProxy.answering("HTTP/1.1 200 Connection established\r\n\r\n",
        "HTTP/1.1 403 Forbidden\r\nContent-Type: text/html\r\n\r\n<html><body>Blocked by policy</body></html>\n")) {
      FaxReports facade = facade(serve(certificates.serverTls(PROXY_ONLY_HOST)), b -> b.tls(trustingTheTestCa())
          .proxy(new ProxySettings("127.0.0.1", portal.port(), null, List.of())));

      Throwable failure = failureOf(facade::list);

      assertThat(failure).isInstanceOf(FaxReportsException.class)
          .hasMessageContaining("the proxy http://127.0.0.1:" + portal.port())
          .hasMessageContaining("did not pass TLS through").hasMessageContaining("HTTP/1.1 403 Forbidden");
      assertThat(failure.getMessage()).doesNotContain("\n").doesNotContain("485454502f");
      assertThat(failure).isNotInstanceOf(TransportException.class);
      assertThat(portal.requests()).as("one CONNECT per data center, none repeated").hasSize(2);
    }
  }

  // ---- gzip -------------------------------------------------------------------------------------

  @Test
  void gzippedAndIdentityAnswersReadAlikeAndGzipIsSmallerOnTheWire() {
    List<FaxReport> seeded = fake.seedSamples(DataCenter.DE1, 1_000);
    FaxReports facade = facade(serve(certificates.serverTls("localhost")), b -> b.tls(trustingTheTestCa()));

    List<FaxReport> identity = facade.list().reports();
    long identityBytes = server.bodyBytesSent();
    server.gzipWhenAsked(true);
    List<FaxReport> gzipped = facade.list().reports();
    long gzippedBytes = server.bodyBytesSent() - identityBytes;

    assertThat(gzipped).isEqualTo(identity).hasSize(seeded.size());
    assertThat(gzipped.get(0).originalJson()).isEqualTo(identity.get(0).originalJson());
    assertThat(gzippedBytes).isLessThan(identityBytes / 4);
  }

  // ---- identity ---------------------------------------------------------------------------------

  @Test
  void theUserAgentNamesTheLibraryTheTransportAndJava() {
    FaxReports facade = facade(serve(certificates.serverTls("localhost")), b -> b.tls(trustingTheTestCa()));

    facade.list();

    assertThat(server.requests()).isNotEmpty().allSatisfy(request ->
        assertThat(request.header("User-Agent")).isEqualTo(UserAgent.of(provider().name())));
  }

  // ---- everything at once -------------------------------------------------------------------------

  @Test
  void aDrainOfTwentyThousandReportsThroughAnAuthenticatingProxyOverTlsLosesNothing() {
    Set<String> seeded = ids(fake.seedSamples(DataCenter.DE1, 12_000));
    seeded.addAll(ids(fake.seedSamples(DataCenter.DE2, 8_000)));
    fake.faults().failNext(Operation.BULK_DELETE, 2, Fault.unavailable())
        .failNext(DataCenter.DE2, Operation.LIST, 1, Fault.connectionClosedMidBody());
    FaxReports facade = facade(serve(certificates.serverTls(PROXY_ONLY_HOST)),
        b -> b.tls(trustingTheTestCa()).proxy(proxy(authenticatingProxy, new Credentials(PROXY_USER, PROXY_PASSWORD))));
    Set<String> exported = new HashSet<>();

    DrainSummary summary = facade.drain(page -> page.reports().forEach(report -> exported.add(report.jobId())));

    assertThat(exported).isEqualTo(seeded);
    assertThat(summary.isComplete()).isTrue();
    assertThat(fake.reports(DataCenter.DE1)).isEmpty();
    assertThat(fake.reports(DataCenter.DE2)).isEmpty();
  }
}
