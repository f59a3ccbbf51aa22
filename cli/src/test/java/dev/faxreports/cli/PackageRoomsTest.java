package dev.faxreports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The rooms of the tool's code (see {@code package-info.java}) and which may use which, read from the
 * sources' imports: a sink knows nothing of the commands, the drain nothing of who runs it, and the
 * commands and the watch service not each other. Every package may use the shared root package.
 */
class PackageRoomsTest {

  private static final Path SOURCES = Path.of("src/main/java/dev/faxreports/cli");
  private static final Pattern OWN_IMPORT = Pattern.compile("^import dev\\.faxreports\\.cli\\.(\\w+)\\.\\w+;", Pattern.MULTILINE);

  /** For each sub-package, the sub-packages it may import from, besides the root package. */
  private static final Map<String, Set<String>> MAY_USE = Map.of(
      "sink", Set.of(),
      "drain", Set.of("sink"),
      "command", Set.of("drain", "sink"),
      "watch", Set.of("drain", "sink"));

  @Test
  void eachRoomUsesOnlyTheRoomsBelowIt() throws IOException {
    Set<String> uses = new TreeSet<>();
    List<String> wrong = new ArrayList<>();
    try (Stream<Path> rooms = Files.list(SOURCES).filter(Files::isDirectory)) {
      for (Path room : rooms.toList()) {
        String name = room.getFileName().toString();
        assertThat(MAY_USE).as("a new package %s: say here what it may use", name).containsKey(name);
        try (Stream<Path> files = Files.list(room)) {
          files.forEach(file -> importsOf(file).stream().filter(used -> !used.equals(name)).forEach(used -> {
            uses.add(name + " -> " + used);
            if (!MAY_USE.get(name).contains(used)) {
              wrong.add(name + "/" + file.getFileName() + " uses " + used);
            }
          }));
        }
      }
    }
    assertThat(wrong).isEmpty();
    assertThat(uses).contains("command -> drain", "watch -> sink"); // the imports are read at all
  }

  /** The sub-packages a source file imports from. */
  private static List<String> importsOf(Path file) {
    try {
      Matcher imports = OWN_IMPORT.matcher(Files.readString(file));
      List<String> packages = new ArrayList<>();
      while (imports.find()) {
        packages.add(imports.group(1));
      }
      return packages;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
