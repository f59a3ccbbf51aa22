package dev.faxreports.port;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UserAgentTest {

  @Test
  void namesTheLibraryVersionTheTransportAndTheJava() {
    assertThat(UserAgent.LIBRARY_VERSION).matches("\\d+\\.\\d+\\.\\d+.*");
    assertThat(UserAgent.of("vertx"))
        .isEqualTo("faxreports/" + UserAgent.LIBRARY_VERSION + " (vertx; Java " + Runtime.version().feature() + "."
            + Runtime.version().interim() + "." + Runtime.version().update() + ")");
  }
}
