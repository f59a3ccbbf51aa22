package dev.faxreports.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faxreports.error.FaxReportsException;
import dev.faxreports.error.Printable;
import dev.faxreports.model.DataCenter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What a hostile server puts in an answer reaches an exception message only escaped. */
class HostileAnswersTest {

  /** Clears the screen, then forges a line of the tool's own. */
  private static final String FORGED = "\u001b[2J\r\nfaxreports: exported 9 reports, all good";

  private static void assertPrintable(String message) {
    assertThat(message.codePoints().filter(Printable::isUnsafe).toArray()).as(message).isEmpty();
  }

  @Test
  void theServersErrorCodeAndMessage() {
    byte[] body = ("{\"code\":\"X\\u001b[31m\",\"message\":\"" + FORGED.replace("\u001b", "\\u001b")
        .replace("\r", "\\r").replace("\n", "\\n") + "\"}").getBytes(StandardCharsets.UTF_8);

    FaxReportsException failure = HttpAnswers.failure(DataCenter.DE1, 500, body, null, null);

    assertThat(failure.serverMessage()).contains(FORGED);
    assertPrintable(failure.getMessage());
    assertThat(failure.getMessage()).contains("\\u001B[2J\\r\\nfaxreports: exported 9 reports");
  }

  @Test
  void aRedirectsLocation() {
    FaxReportsException failure = HttpAnswers.failure(DataCenter.DE1, 302, new byte[0], null,
        "https://user:pw@evil.example/\u001b[2J\u009b0m" + FORGED);

    assertPrintable(failure.getMessage());
    assertThat(failure.getMessage()).contains("redirect to https://****@evil.example/\\u001B[2J\\u009B0m")
        .doesNotContain("user:pw");
  }

  @Test
  void aMalformedBodyQuotedInTheMessage() {
    byte[] body = ("{\"reports\":[{\"jobId\":\"A\",\"pages\":\"1\u001b[2J\\n" + FORGED.substring(6)
        + "\"}]}").getBytes(StandardCharsets.UTF_8);

    FaxReportsException failure = org.assertj.core.api.Assertions.catchThrowableOfType(
        FaxReportsException.class, () -> HttpAnswers.decode(DataCenter.DE1, 200, body, WireFormat::readReports));

    assertPrintable(failure.getMessage());
  }
}
