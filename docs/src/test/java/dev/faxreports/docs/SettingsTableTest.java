package dev.faxreports.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faxreports.config.ConfigSource;
import dev.faxreports.config.Setting;
import dev.faxreports.config.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The settings table of the configuration page against the library's catalogue ({@link Settings}):
 * a row for every setting, in the catalogue's order, with its environment variable and default,
 * and a meaning that begins with its doc (the page may go on with details). A row for a key outside
 * the catalogue, such as a module's own, follows the rule for its variable.
 */
class SettingsTableTest {

  private static final String HEADER = "| key | environment variable | default | meaning |";
  private static final String NONE = "—";

  private final Path root = Path.of(System.getProperty("snippets.root", "..")).toAbsolutePath().normalize();

  /** A row as text: Markdown's code spans and links taken out. */
  private record Row(String key, String variable, Optional<String> defaultText, String meaning) {

    static Row of(String line) {
      String[] cells = Arrays.stream(line.substring(1, line.length() - 1).split("\\|"))
          .map(cell -> plain(cell.strip())).toArray(String[]::new);
      assertThat(cells).as(line).hasSize(4);
      return new Row(cells[0], cells[1], cells[2].equals(NONE) ? Optional.empty() : Optional.of(cells[2]), cells[3]);
    }

    private static String plain(String markdown) {
      return markdown.replace("`", "").replaceAll("\\[([^]]*)]\\([^)]*\\)", "$1");
    }
  }

  private List<Row> rows() throws IOException {
    List<String> lines = Files.readAllLines(root.resolve("docs/configuration.md"));
    int header = lines.indexOf(HEADER);
    assertThat(header).as("the settings table's header: " + HEADER).isNotNegative();
    List<Row> rows = new ArrayList<>();
    for (String line : lines.subList(header + 2, lines.size())) {
      if (!line.startsWith("|")) {
        break;
      }
      rows.add(Row.of(line));
    }
    return rows;
  }

  @Test
  void everySettingHasItsRowInTheCataloguesOrder() throws IOException {
    List<String> catalogueKeysInTable = rows().stream().map(Row::key)
        .filter(key -> Settings.find(key).isPresent()).toList();

    assertThat(catalogueKeysInTable).isEqualTo(Settings.ALL.stream().map(Setting::key).toList());
  }

  @Test
  void eachRowSaysWhatTheCatalogueSays() throws IOException {
    assertThat(rows()).allSatisfy(row -> {
      Optional<Setting<?>> setting = Settings.find(row.key());
      assertThat(row.variable()).as(row.key()).isEqualTo(ConfigSource.environmentVariable(row.key()));
      if (setting.isPresent()) {
        assertThat(row.variable()).as(row.key()).isEqualTo(setting.get().environmentVariable());
        assertThat(row.defaultText()).as(row.key() + "'s default").isEqualTo(setting.get().defaultText());
        assertThat(row.meaning()).as(row.key()).startsWith(setting.get().doc());
      }
    });
  }
}
