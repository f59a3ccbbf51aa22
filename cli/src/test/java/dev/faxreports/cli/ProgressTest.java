package dev.faxreports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faxreports.DrainPage;
import dev.faxreports.model.DataCenter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressTest {

  @Test
  void aRedrawnLineFitsTheTerminalAndBlanksWhatItOverwrites() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    Progress progress = new Progress(err, true, 40, List.of(DataCenter.DE1, DataCenter.DE2));

    progress.exported(page(DataCenter.DE1, 1_000));
    Thread.sleep(120);
    progress.finish();

    String[] draws = bytes.toString(StandardCharsets.UTF_8).split("\r");
    assertThat(Arrays.stream(draws).filter(d -> !d.isEmpty()))
        .isNotEmpty()
        .allSatisfy(draw -> assertThat(draw.stripTrailing().length()).isLessThan(40));
    // Each redraw is at least as long as the one before: nothing of an earlier line is left over.
    for (int i = 2; i < draws.length; i++) {
      assertThat(draws[i].replace("\n", "").length()).isGreaterThanOrEqualTo(draws[i - 1].strip().length());
    }
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
