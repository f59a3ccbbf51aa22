package dev.faxreports.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/** The plugin mvn package built: the plugin.path layout, without Kafka's jars, with a manifest. */
class ConnectPluginLayoutIT {

  private static final String VERSION = System.getProperty("project.version", "0.1.0-SNAPSHOT");
  private static final Path TARGET = Path.of("target");
  private static final String BASE = "faxreports-kafka-connect-" + VERSION;

  @Test
  void theDirectoryHoldsTheConnectorItsDependenciesAndAManifestButNoKafkaJars() throws IOException {
    Path plugin = TARGET.resolve(BASE + "-plugin").resolve(BASE);
    assertThat(plugin).as("built by mvn package (maven-assembly-plugin)").isDirectory();
    List<String> jars;
    try (Stream<Path> lib = Files.list(plugin.resolve("lib"))) {
      jars = lib.map(path -> path.getFileName().toString()).sorted().toList();
    }
    assertThat(jars).contains("faxreports-kafka-connect-" + VERSION + ".jar", "faxreports-core-" + VERSION + ".jar",
        "faxreports-transport-feign-" + VERSION + ".jar", "faxreports-transport-vertx-" + VERSION + ".jar");
    assertThat(jars).noneMatch(jar -> jar.startsWith("kafka") || jar.startsWith("connect-")
        || jar.startsWith("slf4j") || jar.startsWith("junit") || jar.startsWith("faxreports-testkit"));
    assertThat(plugin.resolve("manifest.json")).content()
        .contains("\"version\": \"" + VERSION + "\"").contains("dev.faxreports.kafka.FaxReportsSourceConnector");

    try (JarFile connector = new JarFile(plugin.resolve("lib/faxreports-kafka-connect-" + VERSION + ".jar").toFile())) {
      assertThat(new String(connector.getInputStream(connector.getEntry(
          "META-INF/services/org.apache.kafka.connect.source.SourceConnector")).readAllBytes()))
          .as("found by plugin.discovery=service_load").contains(FaxReportsSourceConnector.class.getName());
      assertThat(connector.getManifest().getMainAttributes().getValue("Implementation-Version")).isEqualTo(VERSION);
    }
  }

  @Test
  void theZipHasTheSameLayout() throws IOException {
    try (ZipFile zip = new ZipFile(TARGET.resolve(BASE + "-plugin.zip").toFile())) {
      assertThat(zip.stream().map(entry -> entry.getName()).toList())
          .contains(BASE + "/manifest.json", BASE + "/doc/README.md", BASE + "/lib/faxreports-kafka-connect-" + VERSION + ".jar");
    }
  }
}
