package dev.faxreports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class DaemonThreadsTest {

  @Test
  void libraryThreadsAreNamedDaemonsThatLogWhatKillsThem() {
    Thread thread = DaemonThreads.named("faxreports-test").newThread(() -> {});

    assertThat(thread.getName()).isEqualTo("faxreports-test-1");
    assertThat(thread.isDaemon()).isTrue();
    // Not the thread group's default: an OutOfMemoryError must leave a trace in the log.
    assertThat(thread.getUncaughtExceptionHandler()).isSameAs(DaemonThreads.LOG_UNCAUGHT);
  }

  @Test
  void theHandlerLogsTheErrorAndTheThreadAtErrorLevel() {
    // core has no logging library: System.Logger goes to java.util.logging here.
    Logger jul = Logger.getLogger(DaemonThreads.class.getName());
    List<LogRecord> records = new CopyOnWriteArrayList<>();
    Handler capture = new Handler() {
      @Override
      public void publish(LogRecord record) {
        records.add(record);
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    jul.addHandler(capture);
    try {
      Thread thread = DaemonThreads.named("faxreports-test").newThread(() -> {});
      OutOfMemoryError error = new OutOfMemoryError("simulated");

      DaemonThreads.LOG_UNCAUGHT.uncaughtException(thread, error);

      assertThat(records).singleElement().satisfies(record -> {
        assertThat(record.getLevel()).isEqualTo(Level.SEVERE);
        assertThat(record.getMessage()).contains("faxreports-test-1").contains("OutOfMemoryError");
        assertThat(record.getThrown()).isSameAs(error);
      });
    } finally {
      jul.removeHandler(capture);
    }
  }
}
