package dev.faxreports.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faxreports.DrainSummary;
import dev.faxreports.FaxReports;
import dev.faxreports.model.DataCenter;
import dev.faxreports.model.FaxReport;
import dev.faxreports.wire.WireFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DrainExamples {

  @TempDir Path dir;

  @Test
  void durableHandler() throws IOException {
    Path file = dir.resolve("reports.jsonl");
    try (Fixture fixture = new Fixture().seed(1_200); FaxReports reports = fixture.reports()) {
      // tag::durable[]
      DrainSummary summary;
      try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.APPEND)) {
        summary = reports.drain(page -> {
          ByteArrayOutputStream lines = new ByteArrayOutputStream();
          for (FaxReport report : page.reports()) {
            // {"dataCenter":"DE1","report":{…}}: the report as the server sent it, byte for byte
            lines.writeBytes(WireFormat.writeReportLine(report, page.dataCenter().name()));
          }
          try {
            out.write(ByteBuffer.wrap(lines.toByteArray()));
            out.force(true);   // on disk before the handler returns: only then is the page deleted
          } catch (IOException e) {
            throw new UncheckedIOException(e);   // the page stays at the service
          }
        });
      }
      // end::durable[]
      assertThat(summary.acknowledged()).isEqualTo(2_400);
      assertThat(fixture.fake.reports(DataCenter.DE1)).isEmpty();
    }
    assertThat(Files.readAllLines(file)).hasSize(2_400);
  }

  @Test
  void asyncAndCancel() {
    try (Fixture fixture = new Fixture().seed(500); FaxReports reports = fixture.reports()) {
      // tag::async[]
      ExecutorService handlerThread = Executors.newSingleThreadExecutor();
      CompletableFuture<DrainSummary> drain = reports.async()
          .drain(page -> System.out.println(page.reports().size()), handlerThread);
      // … later, e.g. at shutdown: stop after each data center's current step
      // drain.cancel(false);
      drain.whenComplete((summary, failure) -> handlerThread.shutdown());
      // end::async[]
      assertThat(drain.join().exported()).isEqualTo(1_000);
    }
  }
}
