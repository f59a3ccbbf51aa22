package dev.faxreports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faxreports.model.DataCenter;
import dev.faxreports.testkit.FakeFaxServer;
import dev.faxreports.testkit.FakeFaxService;
import dev.faxreports.testsupport.proxy.ForwardProxy;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The password never reaches a proxy in clear text. A real proxy counts every byte clients send
 * it: a plain-http:// endpoint on loopback, by name or address, with HTTPS_PROXY or --proxy set,
 * sends it none (loopback is never proxied; HTTPS_PROXY is for https:// alone), and a plain
 * endpoint elsewhere with --proxy is refused before any request.
 */
class ClearTextThroughProxyTest {

  private final FakeFaxService fake = FakeFaxService.europe();
  private FakeFaxServer server;
  private ForwardProxy proxy;
  private final Map<String, String> environment = new HashMap<>(Map.of(
      "RETARUS_USERNAME", CliFixture.CREDENTIALS.username(),
      "RETARUS_PASSWORD", CliFixture.PASSWORD,
      "RETARUS_CUSTOMER_NUMBER", "12345"));

  /** What one run printed and returned. */
  private record Run(int exit, String out, String err) {}

  @BeforeEach
  void start() {
    fake.seedSamples(DataCenter.DE1, 3);
    server = FakeFaxServer.start(fake, "12345", CliFixture.CREDENTIALS);
    proxy = ForwardProxy.builder().start();
  }

  @AfterEach
  void stop() {
    server.close();
    proxy.close();
  }

  private Run run(String host, String... args) {
    List<String> command = new ArrayList<>();
    for (DataCenter dc : server.dataCenters()) {
      String url = dc.baseUri().toString().replace("127.0.0.1", host);
      command.addAll(List.of("--endpoint", dc.name() + "=" + url));
    }
    command.addAll(List.of(args));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = FaxReportsCli.run(command.toArray(String[]::new), environment,
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), false);
    return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private String proxyUrl() {
    return "http://proxy-user:Proxy-Secret-3@127.0.0.1:" + proxy.port();
  }

  @ParameterizedTest
  @ValueSource(strings = {"feign", "vertx"})
  void httpsProxyFromTheEnvironmentNeverCarriesAPlainLoopbackRequest(String transport) {
    environment.put("HTTPS_PROXY", proxyUrl());
    environment.put("HTTP_PROXY", proxyUrl()); // ignored, as curl ignores it for HTTPS

    for (String host : List.of("localhost", "127.0.0.1")) {
      Run run = run(host, "--transport", transport, "list");
      assertThat(run.exit()).as(run.err()).isZero();
      assertThat(run.out().lines()).hasSize(3);
    }
    assertThat(proxy.connections()).as("connections to the proxy").isZero();
    assertThat(proxy.bytesReceived()).as("bytes the proxy received").isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"feign", "vertx"})
  void aProxyGivenAsAnOptionIsNotUsedForLoopback(String transport) {
    Run run = run("localhost", "--transport", transport, "--proxy", proxyUrl(), "list");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out().lines()).hasSize(3);
    assertThat(proxy.bytesReceived()).as("bytes the proxy received").isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"feign", "vertx"})
  void plainHttpElsewhereThroughAProxyIsRefusedBeforeAnyRequest(String transport) {
    Run run = run("faxws.relay.example", "--transport", transport, "--allow-insecure-http",
        "--proxy", proxyUrl(), "list");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("clear text").contains("faxws.relay.example")
        .doesNotContain("Proxy-Secret-3").doesNotContain(CliFixture.PASSWORD);
    assertThat(proxy.connections()).isZero();
    assertThat(fake.calls()).isEmpty();
  }
}
