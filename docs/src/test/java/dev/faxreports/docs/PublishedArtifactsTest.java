package dev.faxreports.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What a user adopting the published artifacts relies on, checked from the sources: the BOM lists
 * exactly the published modules at the project's version, the docs' dependency blocks take their
 * versions from it (the testkit's in test scope), and every public type has javadoc.
 */
class PublishedArtifactsTest {

  private final Path root = Path.of(System.getProperty("snippets.root", "..")).toAbsolutePath().normalize();

  /** Modules of the root POM whose POM does not set maven.deploy.skip to true. */
  private Set<String> publishedModules() throws IOException {
    Set<String> published = new TreeSet<>();
    Matcher module = Pattern.compile("<module>([^<]+)</module>").matcher(Files.readString(root.resolve("pom.xml")));
    while (module.find()) {
      String pom = Files.readString(root.resolve(module.group(1)).resolve("pom.xml"));
      Matcher artifact = Pattern.compile("</parent>\\s*<artifactId>([^<]+)</artifactId>").matcher(pom);
      if (!pom.contains("<maven.deploy.skip>true</maven.deploy.skip>") && artifact.find()) {
        published.add(artifact.group(1));
      }
    }
    return published;
  }

  private static String version(String pom) {
    Matcher version = Pattern.compile("<artifactId>faxreports-(?:parent|bom)</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
    assertThat(version.find()).isTrue();
    return version.group(1);
  }

  @Test
  void theBomManagesExactlyThePublishedModulesAtTheProjectsVersionAndNothingElse() throws IOException {
    String bom = Files.readString(root.resolve("bom/pom.xml"));
    String parent = Files.readString(root.resolve("pom.xml"));

    assertThat(bom).doesNotContain("<parent>").doesNotContain("<scope>import</scope>");
    assertThat(version(bom)).isEqualTo(version(parent));
    Set<String> managed = new TreeSet<>();
    Matcher dependency = Pattern.compile("<groupId>([^<]+)</groupId>\\s*<artifactId>([^<]+)</artifactId>\\s*<version>\\$\\{project.version}</version>")
        .matcher(bom.substring(bom.indexOf("<dependencyManagement>")));
    while (dependency.find()) {
      assertThat(dependency.group(1)).isEqualTo("dev.faxreports");
      managed.add(dependency.group(2));
    }
    assertThat(bom.substring(bom.indexOf("<dependencyManagement>")).split("<dependency>")).hasSize(managed.size() + 1);
    assertThat(managed).isEqualTo(publishedModules());
  }

  @Test
  void theDocsDependencyBlocksImportTheBomAndPutTheTestkitInTestScope() throws IOException {
    List<String> blocks = new ArrayList<>();
    for (Path page : pages()) {
      Matcher xml = Pattern.compile("```xml\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(page));
      while (xml.find()) {
        blocks.add(xml.group(1));
      }
    }
    List<String> dependencies = blocks.stream()
        .flatMap(block -> Stream.of(block.split("<dependency>")).skip(1))
        .filter(dependency -> dependency.contains("<artifactId>faxreports-")).toList();

    assertThat(dependencies).anySatisfy(d -> assertThat(d).contains("faxreports-bom").contains("<scope>import</scope>"));
    assertThat(dependencies).filteredOn(d -> !d.contains("faxreports-bom"))
        .isNotEmpty().allSatisfy(d -> assertThat(d).doesNotContain("<version>"));
    assertThat(dependencies).filteredOn(d -> d.contains("faxreports-testkit"))
        .isNotEmpty().allSatisfy(d -> assertThat(d).contains("<scope>test</scope>"));
  }

  @Test
  void everyPublicTypeOfAPublishedModuleHasJavadoc() throws IOException {
    Pattern publicType = Pattern.compile("(?m)^public (?:final |abstract |sealed |non-sealed )*(?:class|interface|record|enum|@interface) (\\w+)");
    List<String> undocumented = new ArrayList<>();
    int checked = 0;
    for (String module : publishedModules()) {
      Path sources = root.resolve(module.replace("faxreports-", "")).resolve("src/main/java");
      if (!Files.isDirectory(sources)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(sources)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
          String text = Files.readString(file);
          Matcher type = publicType.matcher(text);
          if (type.find()) {
            checked++;
            if (!hasJavadoc(text.substring(0, type.start()))) {
              undocumented.add(root.relativize(file).toString());
            }
          }
        }
      }
    }
    assertThat(checked).isGreaterThan(50);
    assertThat(undocumented).as("public types without javadoc").isEmpty();
  }

  /**
   * Whether the text before a type declaration ends with a javadoc comment followed by nothing but
   * annotations, which may span lines ({@code @Command(description = {...})}) and carry a {@code //}
   * remark.
   */
  private static boolean hasJavadoc(String before) {
    int end = before.lastIndexOf("*/");
    if (end < 0 || before.lastIndexOf("/*") != before.lastIndexOf("/**")) {
      return false;
    }
    String rest = before.substring(end + 2);
    int at = 0;
    while (true) {
      while (at < rest.length() && Character.isWhitespace(rest.charAt(at))) {
        at++;
      }
      if (at == rest.length()) {
        return true;
      }
      if (rest.startsWith("//", at)) { // a remark beside an annotation
        at = rest.indexOf('\n', at) < 0 ? rest.length() : rest.indexOf('\n', at);
        continue;
      }
      if (rest.charAt(at) != '@') {
        return false;
      }
      at++;
      while (at < rest.length() && (Character.isJavaIdentifierPart(rest.charAt(at)) || rest.charAt(at) == '.')) {
        at++;
      }
      if (at < rest.length() && rest.charAt(at) == '(') {
        at = afterClosingParenthesis(rest, at);
        if (at < 0) {
          return false;
        }
      }
    }
  }

  /** The index after the parenthesis that closes the one at {@code open}, skipping string literals; -1 if none. */
  private static int afterClosingParenthesis(String text, int open) {
    int depth = 0;
    boolean inString = false;
    for (int i = open; i < text.length(); i++) {
      char c = text.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        return i + 1;
      }
    }
    return -1;
  }

  private List<Path> pages() throws IOException {
    List<Path> pages = new ArrayList<>(List.of(root.resolve("README.md")));
    try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
    }
    return pages;
  }
}
