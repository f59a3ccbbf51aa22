package dev.faxreports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faxreports.config.ConfigKeys;
import dev.faxreports.config.ConfigSource;
import dev.faxreports.config.ConfigValue;
import dev.faxreports.error.InvalidArgumentException;
import dev.faxreports.observe.FaxReportsObserver;
import dev.faxreports.observe.FaxReportsObserverProvider;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code retarus.fax.observers} names observer providers found on the class path. */
class ObserverConfigurationTest {

  private static FaxReportsObserverProvider provider(String name) {
    return new FaxReportsObserverProvider() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public FaxReportsObserver create(ConfigSource configuration) {
        return new FaxReportsObserver() {};
      }
    };
  }

  @Test
  void namesAreFoundInOrderIgnoringCaseAndBlanks() {
    ConfigValue value = new ConfigValue(ConfigKeys.OBSERVERS, "Logging, ,micrometer", "test");
    List<FaxReportsObserverProvider> chosen = Configuration.observers(value,
        List.of(provider("micrometer"), provider("logging")));
    assertThat(chosen).extracting(FaxReportsObserverProvider::name).containsExactly("logging", "micrometer");
  }

  @Test
  void anUnknownNameIsAClearError() {
    assertThatThrownBy(() -> FaxReports.builder()
            .configure(ConfigSource.of(Map.of(ConfigKeys.OBSERVERS, "micrometer"))))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining(ConfigKeys.OBSERVERS)
        .hasMessageContaining("faxreports-micrometer");
  }
}
