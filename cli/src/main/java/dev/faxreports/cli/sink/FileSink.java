package dev.faxreports.cli.sink;

import dev.faxreports.DrainPage;
import dev.faxreports.cli.Session;
import dev.faxreports.model.FaxReport;
import dev.faxreports.wire.WireFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** The export file: JSON Lines, a page appended and forced to disk at a time (see {@link DrainFile}). */
public final class FileSink implements ReportSink {

  private final Path path;
  private final DrainFile file;

  private FileSink(Path path, DrainFile file) {
    this.path = path;
    this.file = file;
  }

  /** Opens {@code path} for appending, saying so when a half-written last line was cut off. */
  public static FileSink open(Path path, Session session) {
    DrainFile file = DrainFile.open(path);
    if (file.repairedBytes() > 0) {
      session.say("cut a half-written last line (" + file.repairedBytes() + " bytes) from " + path
          + "; its reports were never acknowledged and are exported again");
    }
    return new FileSink(path, file);
  }

  /** Every report as its line, byte for byte as the server sent it: none is quarantined. */
  @Override
  public int store(DrainPage page) {
    file.appendAndSync(lines(page));
    return 0;
  }

  @Override
  public String where() {
    return path.toAbsolutePath().toString();
  }

  @Override
  public void close() {
    try {
      file.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close " + path + ": " + e.getMessage(), e);
    }
  }

  /** A drain page as the lines of the export file. */
  private static byte[] lines(DrainPage page) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(page.reports().size() * 400);
    for (FaxReport report : page.reports()) {
      bytes.writeBytes(WireFormat.writeReportLine(report, page.dataCenter().name()));
    }
    return bytes.toByteArray();
  }
}
