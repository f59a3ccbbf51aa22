package dev.faxreports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faxreports.model.Credentials;
import dev.faxreports.model.DataCenter;
import dev.faxreports.testkit.Fault;
import dev.faxreports.testkit.Operation;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A whole session with faults and mistakes: the password shows up nowhere in the output. */
class SecretsTest {

  private final CliFixture cli = new CliFixture();
  @TempDir Path dir;

  @AfterEach
  void close() {
    cli.close();
  }

  @Test
  void thePasswordAndTheAuthorizationHeaderAppearInNoOutput() {
    cli.fake.seedSamples(DataCenter.DE1, 1_200);
    cli.fake.seedSamples(DataCenter.DE2, 300);
    cli.fake.faults().failNext(Operation.LIST, 2, Fault.unavailable())
        .failNext(Operation.BULK_GET, 1, Fault.htmlErrorPage(502))
        .failNext(Operation.BULK_DELETE, 1, Fault.truncatedJson());

    cli.run("list");
    cli.run("get", "DE100000001");
    cli.run("bulk-get", "DE100000002", "NOPE");
    cli.run("--request-timeout", "bad", "list");
    cli.run("get", "a/b");
    cli.run("drain", "--out", dir.resolve("x.jsonl").toString());
    cli.fake.faults().down(DataCenter.DE2);
    cli.run("--max-attempts", "1", "list");
    cli.environment.put("RETARUS_USERNAME", "user:with:colon");
    cli.run("list");
    cli.environment.put("RETARUS_USERNAME", CliFixture.CREDENTIALS.username());
    cli.environment.put("RETARUS_PASSWORD", CliFixture.PASSWORD + "-wrong");
    cli.run("list");

    String wrongHeader = new Credentials(CliFixture.CREDENTIALS.username(), CliFixture.PASSWORD + "-wrong")
        .basicAuthorization().substring("Basic ".length());
    String header = CliFixture.CREDENTIALS.basicAuthorization().substring("Basic ".length());
    assertThat(cli.runs).hasSize(9);
    assertThat(cli.runs).extracting(CliFixture.Run::exit).contains(0, 1, 2, 3);
    for (CliFixture.Run run : cli.runs) {
      for (String secret : List.of(CliFixture.PASSWORD, header, wrongHeader)) {
        assertThat(run.out()).doesNotContain(secret);
        assertThat(run.err()).doesNotContain(secret);
      }
    }
  }

  @Test
  void aPasswordInAnEndpointUrlIsRefusedWithoutBeingPrinted() {
    String port = String.valueOf(cli.server.dataCenters().get(0).baseUri().getPort());
    String userInfo = CliFixture.CREDENTIALS.username() + ":" + CliFixture.PASSWORD;
    List<String> endpoints = List.of(
        "http://" + userInfo + "@127.0.0.1:" + port + "/rest/v1",
        "DE1=http://" + userInfo + "@127.0.0.1:" + port + "/rest/v1",
        "http://" + userInfo + "@bad_host:" + port + "/rest/v1",          // no server-based host
        "ftp://" + userInfo + "@127.0.0.1/rest/v1",                       // wrong scheme
        "http://" + userInfo + " x@127.0.0.1:" + port + "/rest/v1",       // malformed
        "http://" + userInfo + "@127.0.0.1:99999/rest/v1");              // and a port out of range

    for (String endpoint : endpoints) {
      cli.runRaw("--endpoint", endpoint, "list");
      cli.environment.put("RETARUS_FAX_ENDPOINTS", endpoint);
      cli.runRaw("list");
      cli.environment.remove("RETARUS_FAX_ENDPOINTS");
    }

    assertThat(cli.runs).hasSize(2 * endpoints.size());
    for (CliFixture.Run run : cli.runs) {
      assertThat(run.exit()).as(run.err()).isEqualTo(2);
      assertThat(run.err()).contains("retarus.fax.endpoints").doesNotContain(CliFixture.PASSWORD)
          .doesNotContain(userInfo.substring(0, userInfo.length() - 4));
    }
    assertThat(cli.runs.get(0).err()).contains("credentials do not belong in the URL")
        .contains("'http://****@127.0.0.1:" + port + "/rest/v1'");
    assertThat(cli.fake.calls()).as("nothing sent").isEmpty();
  }
}
