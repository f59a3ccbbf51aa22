package dev.faxreports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faxreports.cli.sink.ExistingExport;
import dev.faxreports.model.DataCenter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code drain --out FILE} onto a file that exists: an export of ours is continued (a half-written
 * last record cut), anything else is refused byte for byte untouched, and nothing is sent.
 */
class DrainIntoExistingFileTest {

  private static final String RECORD = "{\"dataCenter\":\"DE1\",\"jobId\":\"EARLIER\",\"recipientStatus\":[]}\n";
  /** The archive-fidelity line format of the parallel branch: its files are ours too. */
  private static final String RECORD_V2 = "{\"dataCenter\":\"DE2\",\"report\":{\"jobId\":\"EARLIER2\",\"recipientStatus\":[]}}\n";

  private final CliFixture cli = new CliFixture();
  @TempDir Path dir;

  @AfterEach
  void close() {
    cli.close();
  }

  static Stream<Arguments> foreignFiles() {
    byte[] binary = new byte[4096];
    for (int i = 0; i < binary.length; i++) {
      binary[i] = (byte) (i * 31 + 7);
    }
    binary[100] = '\n';
    return Stream.of(
        Arguments.of("binary bytes", binary),
        Arguments.of("a binary that ends in a line break", bytes("\u0000\u0001PNG\r\n\u001a\n")),
        Arguments.of("a one-line text without a final line break", bytes("my notes, do not lose")),
        Arguments.of("a one-line text with one", bytes("my notes, do not lose\n")),
        Arguments.of("a pretty-printed JSON document",
            bytes("{\n  \"dataCenter\": \"DE1\",\n  \"jobId\": \"X\"\n}\n")),
        Arguments.of("a JSON document on one line without a line break",
            bytes("{\"reports\":[{\"jobId\":\"X\"}]}")),
        Arguments.of("our records after a foreign first line", bytes("# header\n" + RECORD)),
        Arguments.of("our records and a foreign last line", bytes(RECORD + "tail of something else\n")),
        Arguments.of("our records and a foreign unfinished last line", bytes(RECORD + "tail of something")),
        Arguments.of("our records and an empty last line", bytes(RECORD + "\n")),
        Arguments.of("a single line break", bytes("\n")),
        Arguments.of("a line that only starts like ours", bytes("{\"data\n")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("foreignFiles")
  void aFileThatIsNotOurExportIsRefusedAndLeftUntouched(String what, byte[] content) throws IOException {
    Path out = dir.resolve("precious.dat");
    Files.write(out, content);
    cli.fake.seedSamples(DataCenter.DE1, 3);

    CliFixture.Run run = cli.run("drain", "--out", out.toString());

    assertThat(run.exit()).as(run.err()).isEqualTo(2);
    assertThat(run.err()).contains(out.toString()).contains("is not a faxreports export").contains("untouched");
    assertThat(Files.readAllBytes(out)).as("byte for byte as it was").isEqualTo(content);
    assertThat(cli.fake.calls()).as("nothing sent").isEmpty();
    assertThat(cli.fake.reports(DataCenter.DE1)).hasSize(3);
  }

  @Test
  void anExportOfOursIsContinued() throws IOException {
    Path out = dir.resolve("export.jsonl");
    Files.writeString(out, RECORD + RECORD_V2);
    cli.fake.seedSamples(DataCenter.DE1, 2);

    CliFixture.Run run = cli.run("drain", "--out", out.toString());

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.err()).doesNotContain("half-written");
    String text = Files.readString(out);
    assertThat(text).startsWith(RECORD + RECORD_V2).endsWith("\n");
    assertThat(text.lines()).hasSize(4).allMatch(line -> line.startsWith(ExistingExport.RECORD_START));
  }

  static Stream<String> halfWrittenTails() {
    return Stream.of("{", "{\"dataC", "{\"dataCenter\":\"", "{\"dataCenter\":\"DE1\",\"jobId\":\"HA",
        "{\"dataCenter\":\"DE1\",\"report\":{\"jobId\":\"HALF\",\"recipientStatus\":[{\"numb");
  }

  @ParameterizedTest
  @MethodSource("halfWrittenTails")
  void onlyAHalfWrittenLastRecordOfOursIsCut(String tail) throws IOException {
    Path out = dir.resolve("export.jsonl");
    Files.writeString(out, RECORD + RECORD_V2 + tail);
    cli.fake.seedSamples(DataCenter.DE1, 2);

    CliFixture.Run run = cli.run("drain", "--out", out.toString());

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.err()).contains("cut a half-written last line (" + tail.getBytes(StandardCharsets.UTF_8).length
        + " bytes) from " + out);
    List<String> lines = Files.readAllLines(out);
    assertThat(lines).hasSize(4);
    assertThat(lines.subList(0, 2)).containsExactly(RECORD.strip(), RECORD_V2.strip());
    assertThat(lines).allMatch(line -> line.startsWith(ExistingExport.RECORD_START) && line.endsWith("}"));
  }

  @Test
  void aFileWithOnlyAHalfWrittenFirstRecordIsCutToNothingAndRefilled() throws IOException {
    Path out = dir.resolve("export.jsonl");
    Files.writeString(out, "{\"dataCenter\":\"DE1\",\"jobId\":\"HA");
    cli.fake.seedSamples(DataCenter.DE1, 2);

    CliFixture.Run run = cli.run("drain", "--out", out.toString());

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.err()).contains("half-written last line");
    assertThat(Files.readAllLines(out)).hasSize(2).allMatch(line -> line.startsWith(ExistingExport.RECORD_START));
  }

  @Test
  void anEmptyFileIsFilled() throws IOException {
    Path out = Files.createFile(dir.resolve("empty.jsonl"));
    cli.fake.seedSamples(DataCenter.DE1, 2);

    CliFixture.Run run = cli.run("drain", "--out", out.toString());

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(Files.readAllLines(out)).hasSize(2);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
