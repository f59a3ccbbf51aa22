package dev.faxreports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faxreports.model.DataCenter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** Global options before or after the command, their help, and errors in the tool's terms. */
class GlobalOptionsTest {

  private final CliFixture cli = new CliFixture();

  @AfterEach
  void stop() {
    cli.close();
  }

  /** {@code faxreports list <endpoints> <args>}: the global options after the command. */
  private CliFixture.Run after(String command, String... args) {
    List<String> all = new ArrayList<>(List.of(command));
    all.addAll(cli.endpoints());
    all.addAll(List.of(args));
    return cli.runRaw(all.toArray(String[]::new));
  }

  @Test
  void globalOptionsAreAcceptedAfterTheCommand() {
    cli.fake.seedSamples(DataCenter.DE1, 3);

    CliFixture.Run run = after("list", "--customer", "12345");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.lines()).hasSize(3);
  }

  @Test
  void eachCommandsHelpListsTheGlobalOptions() {
    CliFixture.Run help = cli.runRaw("list", "--help");

    assertThat(help.out()).contains("--region", "--customer", "--endpoint", "--strict", "--deadline",
        "--connect-timeout");
  }

  @Test
  void everyGlobalOptionNamesItsEnvironmentVariable() {
    CommandLine root = BuildTimeFiles.root();
    List<OptionSpec> global = root.getCommandSpec().options().stream()
        .filter(o -> !o.usageHelp() && !o.versionHelp()).toList();

    assertThat(global).hasSizeGreaterThanOrEqualTo(10)
        .allSatisfy(o -> assertThat(String.join(" ", o.description())).as(o.longestName()).contains("(env RETARUS_"));
  }

  @Test
  void aMissingCustomerNumberNamesTheOptionAndTheVariables() {
    cli.environment.remove("RETARUS_CUSTOMER_NUMBER");

    CliFixture.Run run = cli.run("list");

    assertThat(run.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("--customer").contains("RETARUS_CUSTOMER_NUMBER");
  }

  @Test
  void theCustomerNumberMayComeFromRetarusFaxCustomerNumber() {
    cli.environment.remove("RETARUS_CUSTOMER_NUMBER");
    cli.environment.put("RETARUS_FAX_CUSTOMER_NUMBER", "12345");
    cli.fake.seedSamples(DataCenter.DE2, 2);

    CliFixture.Run run = cli.run("list");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.lines()).hasSize(2);
  }

  @Test
  void aMissingRegionNamesRegionAndEndpoint() {
    CliFixture.Run run = cli.runRaw("list", "--customer", "1");

    assertThat(run.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("--region").contains("--endpoint");
  }

  @Test
  void aPlainHttpEndpointNamesTheOptionThatAllowsIt() {
    CliFixture.Run run = cli.runRaw("list", "--endpoint", "http://faxws.example.com/rest/v1");

    assertThat(run.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("--allow-insecure-http").doesNotContain("allowInsecureHttp(true)");
  }

  @Test
  void strictTurnsAPartialResultIntoAFailure() {
    cli.fake.seedSamples(DataCenter.DE1, 1);
    cli.fake.faults().down(DataCenter.DE2);

    CliFixture.Run partial = cli.run("--max-attempts", "1", "list");
    CliFixture.Run strict = after("list", "--max-attempts", "1", "--strict");

    assertThat(partial.exit()).isEqualTo(ExitCodes.PARTIAL);
    assertThat(strict.exit()).isEqualTo(ExitCodes.FAILURE);
    assertThat(strict.err()).contains("DE2");
  }

  @Test
  void deadlineAndConnectTimeoutReachTheLibraryAndNameTheirOptionWhenWrong() {
    assertThat(cli.run("--deadline", "soon", "list").err()).contains("--deadline");
    assertThat(cli.run("--connect-timeout", "PT0S", "list").err()).contains("--connect-timeout");

    cli.fake.faults().latency(DataCenter.DE1, java.time.Duration.ofSeconds(5));
    long start = System.nanoTime();
    CliFixture.Run run = cli.run("--deadline", "PT0.5S", "list");
    assertThat(run.exit()).isEqualTo(ExitCodes.PARTIAL);
    assertThat(run.err()).contains("DE1").contains("deadline");
    assertThat(System.nanoTime() - start).isLessThan(4_000_000_000L);
  }

  @Test
  void theManPageAndTheCompletionScriptCoverEveryCommandAndGlobalOption() {
    CommandLine root = BuildTimeFiles.root();
    String man = ManPage.render(root.getCommandSpec());
    String completion = picocli.AutoComplete.bash("faxreports", root);

    Stream.of("list", "get", "bulk-get", "bulk-delete", "delete-oldest", "drain", "demo")
        .forEach(command -> assertThat(man).contains(".SS " + command.replace("-", "\\-")));
    assertThat(man).startsWith(".TH FAXREPORTS 1").contains("\\-\\-strict").contains(".SH EXIT STATUS");
    assertThat(completion).contains("--deadline").contains("bulk-delete");
    assertThat(cli.runRaw("generate-completion").out().strip()).isEqualTo(completion.strip());
  }
}
