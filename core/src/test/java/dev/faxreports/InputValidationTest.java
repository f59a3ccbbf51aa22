package dev.faxreports;

import static dev.faxreports.support.Facades.facade;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faxreports.error.InvalidArgumentException;
import dev.faxreports.support.ScriptedTransport;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad input is a clear error before any request is sent. */
class InputValidationTest {

  private final ScriptedTransport transport = new ScriptedTransport();
  private final FaxReports reports = facade(transport);

  static Stream<Arguments> badJobIds() {
    return Stream.of(
        Arguments.of(null, "must not be null"),
        Arguments.of("", "must not be blank"),
        Arguments.of("   ", "must not be blank"),
        Arguments.of("a/b", "'/'"),
        Arguments.of("../x", "'/'"),
        Arguments.of("..", "must not be '..'"),
        Arguments.of("%2F", "'%'"),
        Arguments.of("a\nb", "U+000A"),
        Arguments.of("a\u0000b", "U+0000"),
        Arguments.of("a b", "U+0020"),
        Arguments.of("a?b", "'?'"),
        Arguments.of("x".repeat(129), "at most 128"));
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @MethodSource("badJobIds")
  void everyOperationRejectsABadJobIdBeforeSendingAnything(String jobId, String why) {
    List<Consumer<String>> operations = List.of(
        reports::get,
        reports::delete,
        id -> reports.getMany(Arrays.asList("GOOD", id)),
        id -> reports.deleteMany(Arrays.asList("GOOD", id)));

    for (Consumer<String> operation : operations) {
      assertThatThrownBy(() -> operation.accept(jobId))
          .isInstanceOf(InvalidArgumentException.class)
          .hasMessageContaining("job ID")
          .hasMessageContaining(why);
    }
    assertThat(transport.calls()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"FJJ5Y09UM505ZZBIELCRYC", "a-b_c.d~e", "x"})
  void ordinaryJobIdsAreAccepted(String jobId) {
    assertThat(reports.get(jobId)).isEmpty();
  }

  @ParameterizedTest
  @NullSource
  void aNullIdListIsRejected(List<String> ids) {
    assertThatThrownBy(() -> reports.getMany(ids)).isInstanceOf(InvalidArgumentException.class);
    assertThatThrownBy(() -> reports.deleteMany(ids)).isInstanceOf(InvalidArgumentException.class);
    assertThat(transport.calls()).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void theBadIdIsNamedByPosition() {
    List<String> ids = new ArrayList<>(List.of("A", "B", "C"));
    ids.add("../etc");

    assertThatThrownBy(() -> reports.deleteMany(ids)).hasMessageStartingWith("job ID #4");
  }

  @org.junit.jupiter.api.Test
  void aNullHandlerIsRejected() {
    assertThatThrownBy(() -> reports.drain(null)).isInstanceOf(InvalidArgumentException.class);
    assertThat(transport.calls()).isEmpty();
  }
}
