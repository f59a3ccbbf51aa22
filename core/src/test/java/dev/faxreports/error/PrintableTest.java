package dev.faxreports.error;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faxreports.model.DataCenter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A server's text in an exception message cannot forge lines or drive the terminal. */
class PrintableTest {

  /** Clears the screen, ends the line, and writes a line of ours. */
  static final String FORGED = "\u001b[2J\r\nfaxreports: exported 5 reports, all good\u009b0m\u2028\u202e";

  @Test
  void everyControlCharacterBecomesAVisibleEscape() {
    assertThat(Printable.escape(FORGED)).isEqualTo(
        "\\u001B[2J\\r\\nfaxreports: exported 5 reports, all good\\u009B0m\\u2028\\u202E");
    assertThat(Printable.escape("tab\there, DEL\u007f, NUL\u0000, LRI\u2066, RLM\u200f"))
        .isEqualTo("tab\\there, DEL\\u007F, NUL\\u0000, LRI\\u2066, RLM\\u200F");
    assertThat(Printable.escape("lone \ud800 half")).isEqualTo("lone \\uD800 half");
  }

  @Test
  void ordinaryTextIsKept() {
    assertThat(Printable.escape("Zugriff verweigert: Kundennummer ungültig — 😀 \\n"))
        .isEqualTo("Zugriff verweigert: Kundennummer ungültig — 😀 \\n");
    assertThat(Printable.escape(null)).isNull();
  }

  @Test
  void theServersCodeAndMessageAreEscapedInTheExceptionMessage() {
    FaxReportsException failure = FaxReportsException.forStatus(DataCenter.DE1, 500, "E\u001b[31m", FORGED, null);

    assertNoControlCharacters(failure.getMessage());
    assertThat(failure.getMessage()).contains("\\u001B[2J\\r\\nfaxreports: exported 5 reports");
    assertThat(failure.serverMessage()).as("the accessor keeps what was sent").contains(FORGED);
  }

  @Test
  void everyExceptionOfTheFamilyIsEscapedWhateverBuiltIt() {
    assertNoControlCharacters(new FaxReportsException("job " + FORGED + " made no progress").getMessage());
    assertNoControlCharacters(TransportException.connectionLost(DataCenter.DE2,
        new java.io.IOException("reset by " + FORGED)).getMessage());
    assertNoControlCharacters(new ServiceUnavailableException("HTTP 503", DataCenter.DE1, 503, null, FORGED,
        Duration.ofSeconds(1)).getMessage());
  }

  static void assertNoControlCharacters(String text) {
    assertThat(text.codePoints().filter(Printable::isUnsafe).toArray()).as(text).isEmpty();
  }
}
