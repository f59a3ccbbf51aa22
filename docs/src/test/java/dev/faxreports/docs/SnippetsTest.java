package dev.faxreports.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the docs from rotting: every Java block in the guide and the README is preceded by
 * {@code <!-- snippet: PATH#TAG -->} and equals, character for character, the region between
 * {@code // tag::TAG[]} and {@code // end::TAG[]} of that source, which compiles and runs as a test,
 * and is whole statements or declarations (see {@link WholeStatements}).
 * Run with {@code -Dsnippets.update=true} to rewrite the Markdown from the sources.
 */
class SnippetsTest {

  private static final Pattern BLOCK = Pattern.compile(
      "(<!-- snippet: ([^#\\s]+)#([\\w-]+) -->\\n)?```java\\n(.*?)```", Pattern.DOTALL);

  private final Path root = Path.of(System.getProperty("snippets.root", "..")).toAbsolutePath().normalize();

  @Test
  void everyJavaBlockIsACompiledAndTestedSnippet() throws IOException {
    boolean update = Boolean.getBoolean("snippets.update");
    List<String> problems = new ArrayList<>();
    int checked = 0;
    for (Path page : pages()) {
      String text = Files.readString(page);
      Matcher block = BLOCK.matcher(text);
      StringBuilder rewritten = new StringBuilder();
      while (block.find()) {
        String where = root.relativize(page) + " line " + lineOf(text, block.start());
        if (block.group(1) == null) {
          problems.add(where + ": a java block without a <!-- snippet: PATH#TAG --> marker");
          continue;
        }
        String expected = region(Path.of(block.group(2)), block.group(3), where, problems);
        checked++;
        if (expected != null) {
          WholeStatements.problem(expected).ifPresent(problem -> problems.add(where + ": "
              + block.group(2) + "#" + block.group(3) + " is not whole statements (" + problem + ")"));
        }
        if (expected != null && !expected.equals(block.group(4))) {
          problems.add(where + ": differs from " + block.group(2) + "#" + block.group(3)
              + "\n--- docs ---\n" + block.group(4) + "--- source ---\n" + expected);
        }
        String replacement = expected == null ? block.group(0)
            : block.group(1) + "```java\n" + expected + "```";
        block.appendReplacement(rewritten, Matcher.quoteReplacement(replacement));
      }
      block.appendTail(rewritten);
      if (update && !rewritten.toString().equals(text)) {
        Files.writeString(page, rewritten.toString());
      }
    }
    if (update) {
      problems.removeIf(problem -> problem.contains(": differs from "));
    }
    assertThat(problems).as(String.join("\n\n", problems)).isEmpty();
    assertThat(checked).as("snippets checked").isGreaterThanOrEqualTo(10);
  }

  private List<Path> pages() throws IOException {
    List<Path> pages = new ArrayList<>();
    pages.add(root.resolve("README.md"));
    try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
    }
    return pages;
  }

  /** The tagged region of a source, with its common indentation removed. */
  private String region(Path source, String tag, String where, List<String> problems) throws IOException {
    Path file = root.resolve(source);
    if (!Files.exists(file)) {
      problems.add(where + ": no source " + source);
      return null;
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    int start = indexOf(lines, "// tag::" + tag + "[]");
    int end = indexOf(lines, "// end::" + tag + "[]");
    if (start < 0 || end < start) {
      problems.add(where + ": no region " + tag + " in " + source);
      return null;
    }
    List<String> region = lines.subList(start + 1, end);
    int indent = region.stream().filter(l -> !l.isBlank())
        .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
    return region.stream().map(l -> l.isBlank() ? "" : l.substring(indent))
        .collect(Collectors.joining("\n", "", "\n"));
  }

  private static int indexOf(List<String> lines, String marker) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).strip().equals(marker)) {
        return i;
      }
    }
    return -1;
  }

  private static int lineOf(String text, int offset) {
    return (int) text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
  }
}
