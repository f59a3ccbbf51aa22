package dev.faxreports.cli.drain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faxreports.DrainPage;
import dev.faxreports.cli.Session;
import dev.faxreports.model.DataCenter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressTest {

  @Test
  void aRedrawnLineFitsTheTerminalAndBlanksWhatItOverwrites() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    AtomicLong clock = new AtomicLong(-7_000_000_000L); // any origin, as System.nanoTime's
    Progress progress = new Progress(err, true, 52, List.of(DataCenter.DE1, DataCenter.DE2), clock::get);

    clock.addAndGet(1_000_000); // a page 1 ms in: a high rate, a line too long for the terminal
    progress.exported(page(DataCenter.DE1, 1_000));
    clock.addAndGet(10_000_000_000L); // 10 s later: a low rate, a shorter line
    progress.finish();

    List<String> draws = Arrays.stream(bytes.toString(StandardCharsets.UTF_8).split("\r"))
        .filter(d -> !d.isEmpty()).toList();
    assertThat(draws).hasSize(2).allSatisfy(draw -> assertThat(draw.stripTrailing().length()).isLessThan(52));
    assertThat(draws.get(0)).contains("1,000 reports, 1,0").endsWith("…"); // 1,000,000/s, cut
    assertThat(draws.get(1)).contains("1,000 reports, 100/s").endsWith("\n");
    assertThat(draws.get(1).strip().length()).isLessThan(draws.get(0).length());
    // The shorter line is padded with blanks over what the longer one left on the screen.
    assertThat(draws.get(1).replace("\n", "").length()).isGreaterThanOrEqualTo(draws.get(0).length());
  }

  @Test
  void theWidthComesFromColumnsElseEighty() {
    PrintStream none = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    assertThat(new Session(java.util.Map.of("COLUMNS", "132"), none, none, true).terminalWidth()).isEqualTo(132);
    assertThat(new Session(java.util.Map.of(), none, none, true).terminalWidth()).isEqualTo(80);
    assertThat(new Session(java.util.Map.of("COLUMNS", "x"), none, none, true).terminalWidth()).isEqualTo(80);
  }

  private static DrainPage page(DataCenter dc, int size) {
    return new DrainPage(dc, dev.faxreports.testkit.SampleReports.generate("A", size, java.time.Instant.EPOCH, 1), 1);
  }
}
