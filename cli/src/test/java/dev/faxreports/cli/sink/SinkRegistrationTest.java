package dev.faxreports.cli.sink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faxreports.DrainPage;
import dev.faxreports.cli.Session;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Adding a sink is implementing {@link SinkKind} and registering it: a sink known only to this test,
 * listed beside the real ones, is offered, chosen and opened, and the others still work, without an
 * edit anywhere else.
 */
class SinkRegistrationTest {

  /** A sink of the test's own, {@code --into-memory NAME}: what it stores does not matter here. */
  private static final class MemorySinkKind implements SinkKind {

    @Override
    public OptionSpec option() {
      return OptionSpec.builder("--into-memory").paramLabel("NAME").type(String.class)
          .description("Keeps every page in memory.").build();
    }

    @Override
    public ChosenSink choose(OptionSpec given, Map<String, String> environment) {
      String name = given.getValue();
      return new ChosenSink("memory:" + name, session -> new ReportSink() {
        @Override
        public int store(DrainPage page) {
          return 0;
        }

        @Override
        public String where() {
          return "memory:" + name;
        }

        @Override
        public void close() {}
      });
    }
  }

  /** A command that stores into a sink, as drain and watch do: the mixin and its transformer. */
  @Command(name = "store", modelTransformer = SinkOptions.Offered.class)
  static final class StoreCommand implements Callable<Integer> {
    @Mixin SinkOptions sink;
    ChosenSink chosen;

    StoreCommand(List<SinkKind> kinds) {
      sink = new SinkOptions(kinds);
    }

    @Override
    public Integer call() {
      chosen = sink.chosen(Map.of());
      return 0;
    }
  }

  private final MemorySinkKind memory = new MemorySinkKind();
  private final StoreCommand command = new StoreCommand(withMemory());
  private final StringWriter errors = new StringWriter();

  private List<SinkKind> withMemory() {
    List<SinkKind> kinds = new ArrayList<>(SinkKinds.ALL);
    kinds.add(memory);
    return kinds;
  }

  private int run(String... args) {
    CommandLine commandLine = new CommandLine(command);
    commandLine.setErr(new PrintWriter(errors, true));
    return commandLine.execute(args);
  }

  @Test
  void aRegisteredSinkIsOfferedBesideTheOthersAndOneOfThemIsRequired() {
    String usage = new CommandLine(command).getUsageMessage();
    assertThat(usage).contains("(--out=FILE | --jdbc=URL | --into-memory=NAME)")
        .contains("Keeps every page in memory.");

    assertThat(run()).isEqualTo(2);
    assertThat(errors.toString())
        .contains("Missing required argument (specify one of these): (--out=FILE | --jdbc=URL | --into-memory=NAME)");
  }

  @Test
  void itsOptionChoosesIt() {
    assertThat(run("--into-memory", "pages")).isZero();

    assertThat(command.chosen.where()).isEqualTo("memory:pages");
    Session session = new Session(Map.of(), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), false);
    try (ReportSink sink = command.chosen.open(session)) {
      assertThat(sink.where()).isEqualTo("memory:pages");
    }
  }

  @Test
  void theOthersStillChooseTheirsAndTwoAreRefused() {
    assertThat(run("--out", "reports.jsonl")).isZero();
    assertThat(command.chosen.where()).isEqualTo(Path.of("reports.jsonl").toAbsolutePath().toString());

    assertThat(run("--jdbc", "jdbc:sqlite:reports.db")).isZero();
    assertThat(command.chosen.where()).isEqualTo("jdbc:sqlite:reports.db");

    assertThat(run("--out", "reports.jsonl", "--into-memory", "pages")).isEqualTo(2);
    assertThat(errors.toString()).contains("--out=FILE, --into-memory=NAME are mutually exclusive");
  }

  @Test
  void theToolRegistersTheFileAndTheDatabaseAndWarnsOfTheDatabasePassword() {
    assertThat(SinkKinds.ALL).extracting(kind -> kind.option().longestName()).containsExactly("--out", "--jdbc");
    assertThat(SinkKinds.passwordVariables()).containsExactly(Map.entry("--jdbc", DatabaseSink.PASSWORD_VARIABLE));
  }
}
