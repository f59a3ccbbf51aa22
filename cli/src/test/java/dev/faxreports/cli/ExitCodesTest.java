package dev.faxreports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faxreports.model.DataCenter;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every exit code, and for bad usage: nothing was sent. */
class ExitCodesTest {

  private final CliFixture cli = new CliFixture();
  @TempDir Path dir;

  @AfterEach
  void close() {
    cli.close();
  }

  @Test
  void zeroWhenAllIsWell() {
    assertThat(cli.run("list").exit()).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "frobnicate",                       // unknown command
      "--request-timeout=30s list",       // not ISO-8601
      "--max-attempts=0 list",
      "--region=ASIA list",
      "--transport=okhttp list",
      "get",                              // missing JOBID
      "get a/b",                          // a job ID that would address another resource
      "get ../x",
      "bulk-get",                         // no IDs at all
      "bulk-delete --ids-file /does/not/exist",
      "drain",                            // --out is required
      "--bogus list"})
  void twoForBadUsageAndNothingIsSent(String args) {
    CliFixture.Run run = cli.run(args.split(" "));

    assertThat(run.exit()).as(run.err()).isEqualTo(2);
    assertThat(run.err()).containsIgnoringCase("usage");
    assertThat(cli.fake.calls()).isEmpty();
  }

  @Test
  void twoWhenNoCommandIsGiven() {
    assertThat(cli.runRaw().exit()).isEqualTo(2);
  }

  @Test
  void twoForPlainHttpToAnotherHost() {
    CliFixture.Run run = cli.runRaw("--endpoint", "http://faxws.de1.retarus.com/rest/v1", "list");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("clear text");
  }

  @Test
  void twoForAPortOutOfRange() {
    CliFixture.Run run = cli.runRaw("--endpoint", "http://127.0.0.1:99999/rest/v1", "list");

    assertThat(run.exit()).as(run.err()).isEqualTo(2);
    assertThat(run.err()).contains("--endpoint").contains("port 99999 is out of range").contains("usage");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "/", "/rest", "/rest/v2", "/rest/v1/12345", "/v1"})
  void twoForAnEndpointThatIsNoV1BaseUrlAndNothingIsSent(String path) {
    String endpoint = "http://127.0.0.1:" + cli.server.dataCenters().get(0).baseUri().getPort() + path;

    for (String command : new String[] {"list", "get DE100000001", "bulk-get DE100000001",
        "bulk-delete DE100000001", "delete-oldest", "drain --out " + dir.resolve("x.jsonl")}) {
      CliFixture.Run run = cli.runRaw(("--endpoint " + endpoint + " " + command).split(" "));

      assertThat(run.exit()).as(command + ": " + run.err()).isEqualTo(2);
      assertThat(run.err()).contains("endpoint " + endpoint.replaceAll("/$", ""))
          .contains("path must end in /rest/v1").contains("https://faxws.de1.retarus.com/rest/v1");
    }
    assertThat(cli.fake.calls()).isEmpty();
  }

  @Test
  void aV1BaseUrlBelowAProxyPrefixOrWithATrailingSlashIsFine() {
    String base = cli.server.dataCenters().get(0).baseUri().toString();

    assertThat(cli.runRaw("--endpoint", base + "/", "list").exit()).isZero();
    assertThat(cli.runRaw("--endpoint", base.replace("/rest/v1", "/retarus/de1/rest/v1"), "list").exit())
        .as("a proxy prefix is allowed; this fake answers it with 404").isNotEqualTo(2);
  }

  @Test
  void threeWhenAuthenticationFails() {
    cli.environment.put("RETARUS_PASSWORD", "wrong-password");

    CliFixture.Run run = cli.run("list");

    assertThat(run.exit()).isEqualTo(3);
    assertThat(run.err()).contains("authentication failed");
  }

  @Test
  void fourWhenNotFound() {
    assertThat(cli.run("get", "NOWHERE").exit()).isEqualTo(4);
  }

  @Test
  void fiveWhenEveryDataCenterIsDown() {
    cli.fake.faults().down(DataCenter.DE1).down(DataCenter.DE2);

    CliFixture.Run run = cli.run("--max-attempts", "1", "list");

    assertThat(run.exit()).isEqualTo(5);
    assertThat(run.err()).contains("DE1").contains("DE2");
  }

  @Test
  void helpAndVersionExitZero() {
    assertThat(cli.runRaw("--help").exit()).isZero();
    assertThat(cli.runRaw("drain", "--help").exit()).isZero();
    assertThat(cli.runRaw("--version").out()).startsWith("faxreports");
  }
}
