package dev.faxreports.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.AutoComplete;
import picocli.CommandLine;

/**
 * Writes the man page and the bash/zsh completion script beside the jar; the build runs it in the
 * package phase (cli/pom.xml): {@code BuildTimeFiles MAN_PAGE COMPLETION_SCRIPT}. The completion
 * script is the one {@code faxreports generate-completion} prints.
 */
public final class BuildTimeFiles {
  private BuildTimeFiles() {}

  /**
   * @param args the man page file, then the completion script file
   * @throws IOException if a file cannot be written
   */
  public static void main(String[] args) throws IOException {
    CommandLine root = root();
    write(Path.of(args[0]), ManPage.render(root.getCommandSpec()));
    write(Path.of(args[1]), AutoComplete.bash("faxreports", root));
  }

  /** The command tree as the tool builds it. */
  static CommandLine root() {
    return new CommandLine(new FaxReportsCommand(new Session(Map.of(), System.out, System.err, false)));
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
