package dev.faxreports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faxreports.FaxReports;
import dev.faxreports.config.ConfigSource;
import dev.faxreports.config.ConfigValue;
import dev.faxreports.config.Setting;
import dev.faxreports.config.Settings;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The global options against the library's catalogue of settings ({@link Settings}): each option's
 * help names the setting's environment variable and default, and begins with its doc (the help may
 * add the tool's details, in parentheses or after it). A change on either side that the other
 * lacks fails here.
 */
class GlobalOptionsCatalogueTest {

  private static final Pattern DEFAULT = Pattern.compile("\\(default ([^)]+)\\)");
  private static final Pattern REMARK = Pattern.compile(" ?\\([^()]*\\)");

  private static List<OptionSpec> options() {
    return new CommandLine(new GlobalOptions()).getCommandSpec().options();
  }

  /** The setting an option gives, found by giving it: no second table that could drift. */
  private static Setting<?> settingOf(OptionSpec option) {
    GlobalOptions given = new GlobalOptions();
    new CommandLine(given).parseArgs(option.longestName(), "true");
    ConfigSource source = given.source();
    List<Setting<?>> set = Settings.ALL.stream().filter(setting -> source.get(setting.key()).isPresent()).toList();
    assertThat(set).as(option.longestName() + " gives one setting of the catalogue").hasSize(1);
    assertThat(source.get(set.get(0).key())).map(ConfigValue::origin).contains("option " + option.longestName());
    return set.get(0);
  }

  private static String help(OptionSpec option) {
    return String.join(" ", option.description());
  }

  @Test
  void everyOptionIsASettingOfTheCatalogueAndNamesItsEnvironmentVariable() {
    assertThat(options()).hasSizeGreaterThanOrEqualTo(14).allSatisfy(option -> {
      Setting<?> setting = settingOf(option);
      assertThat(help(option)).as(option.longestName())
          .containsPattern("\\(env " + Pattern.quote(setting.environmentVariable()) + "[ ,)]");
    });
  }

  @Test
  void everyOptionsHelpBeginsWithItsSettingsDoc() {
    assertThat(options()).allSatisfy(option -> {
      String withoutRemarks = REMARK.matcher(help(option)).replaceAll("");
      assertThat(withoutRemarks).as(option.longestName()).startsWith(settingOf(option).doc());
    });
  }

  @Test
  void aDefaultInTheHelpIsTheOneThatApplies() {
    assertThat(options()).allSatisfy(option -> {
      Setting<?> setting = settingOf(option);
      Optional<String> applies = setting.defaultText()
          .or(() -> CliSettings.DEFAULTS.get(setting.key()).map(ConfigValue::value));
      Matcher stated = DEFAULT.matcher(help(option));
      if (stated.find()) {
        assertThat(Optional.of(stated.group(1))).as(option.longestName()).isEqualTo(applies);
      } else {
        assertThat(setting.kind() == Setting.Kind.BOOLEAN || applies.isEmpty())
            .as(option.longestName() + " states no default, though " + applies.orElse("") + " applies").isTrue();
      }
    });
  }

  @ParameterizedTest(name = "{0} {1} and {2}")
  @CsvSource({
      "--connect-timeout, 7s, PT7S",
      "--request-timeout, 1500ms, PT1.5S",
      "--deadline, 5m, PT5M"})
  void durationOptionsAreReadInBothForms(String option, String short_, String iso) {
    for (String written : List.of(short_, iso)) {
      GlobalOptions given = new GlobalOptions();
      new CommandLine(given).parseArgs(option, written);
      Setting<?> setting = Settings.ALL.stream().filter(s -> given.source().get(s.key()).isPresent())
          .findFirst().orElseThrow();

      assertThat(setting.read(given.source()).orElseThrow()).as(written).isEqualTo(Duration.parse(iso));
      FaxReports.builder().configure(given.source()); // the library takes it as the option gives it
    }
  }
}
