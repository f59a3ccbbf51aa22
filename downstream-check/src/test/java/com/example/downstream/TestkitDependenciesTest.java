package com.example.downstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What {@code faxreports-testkit} puts on a user's test class path: the library and the fake, never
 * a test library of its own (the user brings JUnit), BouncyCastle or a database driver. Read from
 * the verbose dependency tree the build writes, where every path is kept, so a JUnit the user also
 * declares cannot hide one the testkit brings.
 */
class TestkitDependenciesTest {

  /** Group IDs that must not come through the testkit. */
  private static final List<String> FORBIDDEN = List.of(
      "org.junit", "org.opentest4j", "org.apiguardian", "org.assertj", "com.tngtech.archunit",
      "org.mockito", "org.bouncycastle", "commons-codec", "org.postgresql", "org.xerial", "io.zonky");

  /** A tree line: the drawing ({@code |  +- }), then {@code (}? and the coordinates. */
  private static final Pattern LINE = Pattern.compile("^([| +\\\\-]*)\\(?([\\w.-]+):([\\w.-]+):.*$");

  private record Node(int depth, String groupId, String artifactId) {
    String coordinates() {
      return groupId + ":" + artifactId;
    }
  }

  private static List<Node> tree() throws IOException {
    List<Node> nodes = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of(System.getProperty("dependencyTree")))) {
      Matcher matcher = LINE.matcher(line);
      if (matcher.matches()) {
        nodes.add(new Node(matcher.group(1).length() / 3, matcher.group(2), matcher.group(3)));
      }
    }
    return nodes;
  }

  /** Every node below the direct dependency {@code artifactId}. */
  private static List<Node> below(List<Node> tree, String artifactId) {
    List<Node> found = new ArrayList<>();
    boolean inside = false;
    for (Node node : tree) {
      if (node.depth() == 1) {
        inside = node.artifactId().equals(artifactId);
      } else if (inside) {
        found.add(node);
      }
    }
    return found;
  }

  @Test
  void theTestkitBringsNoTestLibraryNoBouncyCastleAndNoDatabaseDriver() throws IOException {
    List<Node> fromTheTestkit = below(tree(), "faxreports-testkit");

    assertTrue(fromTheTestkit.stream().anyMatch(node -> node.artifactId().equals("faxreports-core")),
        "the tree was read: the testkit brings the library");
    List<String> forbidden = fromTheTestkit.stream()
        .filter(node -> FORBIDDEN.stream().anyMatch(group -> node.groupId().startsWith(group)))
        .map(Node::coordinates).distinct().toList();
    assertEquals(List.of(), forbidden, "faxreports-testkit brings these onto a user's test class path");
  }

  @Test
  void theJUnitOnTheClassPathIsTheUsersOwn() throws IOException {
    assertTrue(below(tree(), "junit-jupiter").stream().anyMatch(node -> node.artifactId().equals("junit-jupiter-api")),
        "the user's junit-jupiter brings its API");
    List<String> jars = List.of(System.getProperty("java.class.path").split(File.pathSeparator));
    assertEquals(List.of(), jars.stream().filter(jar -> jar.contains("bouncycastle") || jar.contains("postgresql")).toList(),
        "BouncyCastle or a PostgreSQL driver on the test class path");
  }
}
