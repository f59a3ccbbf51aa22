package dev.faxreports.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faxreports.FaxReports;
import dev.faxreports.error.InvalidArgumentException;
import dev.faxreports.model.DataCenter;
import dev.faxreports.model.Region;
import dev.faxreports.testkit.Operation;
import dev.faxreports.testkit.RecordedCall;
import dev.faxreports.transport.feign.FeignTransportProvider;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad input is a clear error before any request; any number of IDs is a correct chunked result. */
class BadInputTest {

  static Stream<String> badValues() {
    return Stream.of(null, "", " ", "\t", "a/b", "/", "..", "../x", "%2F", "a\u0000b", "a\nb", "a\rb",
        "a\u007fb", "x".repeat(129), "x".repeat(10_000));
  }

  @ParameterizedTest(name = "job ID {index}: a clear error, nothing sent")
  @MethodSource("badValues")
  void badJobIdsAreRejectedBeforeAnyRequest(String jobId) {
    try (Harness harness = new Harness(); FaxReports reports = harness.facade("feign")) {
      assertThatThrownBy(() -> reports.get(jobId)).isInstanceOf(InvalidArgumentException.class)
          .hasMessageContaining("job ID");
      assertThatThrownBy(() -> reports.deleteMany(Arrays.asList("FINE", jobId)))
          .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("job ID #2");
      assertThat(harness.fake.calls()).isEmpty();
    }
  }

  @ParameterizedTest(name = "customer number {index}: a clear error, nothing sent")
  @MethodSource("badValues")
  void badCustomerNumbersAreRejectedBeforeAnyRequest(String customerNumber) {
    assertThatThrownBy(() -> FaxReports.builder().region(Region.EUROPE).customerNumber(customerNumber)
        .credentials(Harness.CREDENTIALS).transport(new FeignTransportProvider()).build())
        .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("customer number");
  }

  @ParameterizedTest(name = "{0} IDs with duplicates: a correct chunked result")
  @ValueSource(ints = {0, 1, 1000, 1001, 25_000})
  void anyNumberOfIdsIsChunkedCorrectly(int count) {
    try (Harness harness = new Harness(); FaxReports reports = harness.facade("vertx")) {
      harness.seed(Math.min(count, 1_500) / 2 + 1);
      List<String> ids = new ArrayList<>(IntStream.range(0, count).mapToObj(i -> String.format("DE1%08d", i)).toList());
      ids.addAll(ids.subList(0, Math.min(count, 10))); // duplicates

      long found = reports.getMany(ids).reports().size();
      int deleted = reports.deleteMany(ids).results().size();

      assertThat(deleted).isEqualTo(count);
      assertThat(found).isEqualTo(Math.min(count, Math.min(count, 1_500) / 2 + 1));
      for (DataCenter dataCenter : List.of(DataCenter.DE1, DataCenter.DE2)) {
        List<RecordedCall> calls = harness.fake.calls(dataCenter, Operation.BULK_GET);
        assertThat(calls).hasSize((count + 999) / 1000);
        assertThat(calls).allMatch(call -> call.jobIds().size() <= 1000);
        assertThat(calls.stream().mapToInt(call -> call.jobIds().size()).sum()).isEqualTo(count);
      }
    }
  }
}
