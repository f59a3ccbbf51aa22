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

  @Test
  void aMistypedOptionOrAStrayArgumentNeverPrintsThePasswordItCarries() {
    String secret = "Proxy-Pw-41";
    List<List<String>> mistakes = List.of(
        List.of("--proxxy=http://u:" + secret + "@h:1", "list"),
        List.of("--proxxy", "http://u:" + secret + "@h:1", "list"),
        List.of("list", "http://u:" + secret + "@h:1"),
        List.of("list", "--jdbc=jdbc:postgresql://db/x?user=u&PASSWORD=" + secret),
        List.of("drain", "--jdbc", "jdbc:postgresql://db/x;password=" + secret, "--jdbc", "jdbc:sqlite:y.db"));

    for (List<String> arguments : mistakes) {
      CliFixture.Run run = cli.run(arguments.toArray(String[]::new));
      assertThat(run.exit()).as(run.err()).isEqualTo(2);
      assertThat(run.err()).as(String.join(" ", arguments)).doesNotContain(secret).contains("****");
    }

    cli.environment.put("RETARUS_FAX_PROXY", "http://u:" + secret); // the host forgotten
    CliFixture.Run forgotten = cli.run("list");
    assertThat(forgotten.exit()).isEqualTo(2);
    assertThat(forgotten.err()).contains("retarus.fax.proxy").doesNotContain(secret);
  }

  @Test
  void aPasswordOnTheCommandLineIsWarnedAboutOnceNamingTheVariableToUseInstead() {
    cli.fake.seedSamples(DataCenter.DE1, 2);
    String proxyWithPassword = "http://u:Proxy-Pw-42@127.0.0.1:1";

    CliFixture.Run proxied = cli.run("--proxy", proxyWithPassword, "--no-proxy", "*", "list");
    CliFixture.Run database = cli.run("drain", "--jdbc",
        "jdbc:sqlite:" + dir.resolve("x.db") + "?password=Db-Pw-43");
    CliFixture.Run clean = cli.run("--proxy", "http://127.0.0.1:1", "--no-proxy", "*", "list");

    assertThat(proxied.exit()).as(proxied.err()).isZero();
    assertThat(proxied.err()).containsOnlyOnce("warning: the --proxy URL carries credentials")
        .contains("RETARUS_PROXY_PASSWORD").doesNotContain("Proxy-Pw-42");
    assertThat(database.err()).containsOnlyOnce("warning: the --jdbc URL carries credentials")
        .contains("FAXREPORTS_DB_PASSWORD").doesNotContain("Db-Pw-43");
    assertThat(clean.err()).doesNotContain("warning");
  }
}
