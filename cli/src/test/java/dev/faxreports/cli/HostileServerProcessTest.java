package dev.faxreports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faxreports.model.DataCenter;
import dev.faxreports.testkit.Fault;
import dev.faxreports.testkit.Operation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server that answers with a body that never ends used to kill the tool's threads with
 * OutOfMemoryError and leave the process hanging, deaf to SIGTERM and holding the drain file's
 * lock. In a small heap, the tool must now end by itself, promptly, and still obey a signal.
 */
class HostileServerProcessTest {

  private static final List<String> SMALL_HEAP = List.of("-Xmx128m", "-XX:+ExitOnOutOfMemoryError");
  private static final int FOREVER = 1_000_000;

  private final CliFixture cli = new CliFixture();
  @TempDir Path dir;

  @AfterEach
  void close() {
    cli.close();
  }

  @Test
  void endlessBodiesEverywhereEndTheDrainWithinTheRequestTimeout() throws Exception {
    cli.fake.seedSamples(DataCenter.DE1, 10);
    cli.fake.seedSamples(DataCenter.DE2, 10);
    cli.fake.faults().failNext(Operation.LIST, FOREVER, Fault.endlessBody());
    Path out = dir.resolve("export.jsonl");

    long start = System.nanoTime();
    Process tool = ToolProcess.start(cli, dir, SMALL_HEAP, "drain", "--out", out.toString());
    boolean ended = tool.waitFor(20, TimeUnit.SECONDS);
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    if (!ended) {
      tool.destroyForcibly();
    }
    String stderr = Files.readString(dir.resolve("stderr.txt"));

    assertThat(ended).as("the tool ended by itself; stderr: %s", stderr).isTrue();
    assertThat(tool.exitValue()).as(stderr).isEqualTo(5);
    assertThat(took).as("within the request timeout (3 s) plus JVM start").isLessThan(Duration.ofSeconds(12));
    assertThat(stderr).contains("exceeded").contains("max-response-bytes").doesNotContain("OutOfMemoryError");
    assertThat(cli.fake.calls(Operation.LIST)).hasSize(2); // one per data center: never retried
    assertThat(cli.fake.reports(DataCenter.DE1)).hasSize(10);
  }

  @Test
  void aDrainReadingAnEndlessBodyStopsOnSigtermAndLeavesTheFileUsable() throws Exception {
    cli.fake.seedSamples(DataCenter.DE1, 10);
    cli.fake.seedSamples(DataCenter.DE2, 10);
    // DE1 keeps sending; DE2 answers only after a long pause, so the drain is mid-request.
    cli.fake.faults().failNext(DataCenter.DE1, Operation.LIST, FOREVER, Fault.endlessBody())
        .latency(DataCenter.DE2, Duration.ofSeconds(20));
    Path out = dir.resolve("export.jsonl");

    Process tool = ToolProcess.start(cli, dir, SMALL_HEAP, "drain", "--out", out.toString());
    // Both listings sent: DE1's endless answer is streaming (or was, and failed), DE2's is 20 s away.
    ToolProcess.waitUntil(() -> !cli.fake.calls(DataCenter.DE1, Operation.LIST).isEmpty()
        && !cli.fake.calls(DataCenter.DE2, Operation.LIST).isEmpty(), Duration.ofSeconds(20));
    long signalled = System.nanoTime();
    tool.destroy(); // SIGTERM
    boolean ended = tool.waitFor(15, TimeUnit.SECONDS);
    Duration took = Duration.ofNanos(System.nanoTime() - signalled);
    if (!ended) {
      tool.destroyForcibly();
    }
    String stderr = Files.readString(dir.resolve("stderr.txt"));

    assertThat(ended).as("SIGTERM obeyed; stderr: %s", stderr).isTrue();
    assertThat(tool.exitValue()).as(stderr).isEqualTo(143);
    assertThat(took).isLessThan(Duration.ofSeconds(10));
    assertThat(stderr).doesNotContain("OutOfMemoryError");

    cli.fake.faults().clear();
    CliFixture.Run rerun = cli.run("drain", "--out", out.toString());
    assertThat(rerun.exit()).as("the lock was released: " + rerun.err()).isZero();
    assertThat(Files.readAllLines(out)).hasSize(20);
  }
}
