package dev.faxreports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoTest {

  private final CliFixture cli = new CliFixture();
  @TempDir Path dir;

  @AfterEach
  void stop() {
    cli.close();
  }

  @Test
  void showsEachInjectedFailureAndTheRetryThatHealedIt() {
    CliFixture.Run run = cli.runRaw("demo", "--reports", "300", "--out", dir.resolve("d.jsonl").toString());

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.err().lines().filter(l -> l.startsWith("faxreports: demo: injected: "))).hasSize(2)
        .anyMatch(l -> l.contains("DE1") && l.contains("list") && l.contains("503"))
        .anyMatch(l -> l.contains("DE2") && l.contains("bulk delete") && l.contains("520"));
    assertThat(run.err().lines().filter(l -> l.startsWith("faxreports: demo: healed: "))).hasSize(2)
        .anyMatch(l -> l.contains("DE1 list retried"))
        .anyMatch(l -> l.contains("DE2 bulk delete retried"));
  }

  @Test
  void refusesToAppendToAnEarlierExport() throws IOException {
    Path earlier = dir.resolve("earlier.jsonl");
    Files.writeString(earlier, "{\"jobId\":\"FROM-AN-EARLIER-RUN\"}\n");

    CliFixture.Run run = cli.runRaw("demo", "--reports", "10", "--out", earlier.toString());

    assertThat(run.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("exists");
    assertThat(Files.readAllLines(earlier)).containsExactly("{\"jobId\":\"FROM-AN-EARLIER-RUN\"}");
  }

  @Test
  void withoutOutItWritesAFreshTemporaryFileEachRun() {
    CliFixture.Run first = cli.runRaw("demo", "--reports", "20");
    CliFixture.Run second = cli.runRaw("demo", "--reports", "20");

    assertThat(first.err()).contains("holds 20 report lines");
    assertThat(second.err()).contains("holds 20 report lines");
  }
}
