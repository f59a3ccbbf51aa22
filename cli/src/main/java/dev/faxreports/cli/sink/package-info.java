/**
 * Where a drain stores what it collects: the export file ({@code --out}) and the database ({@code
 * --jdbc}), each a {@link dev.faxreports.cli.sink.ReportSink} that returns only once a page is
 * durable, since the service deletes the page then.
 *
 * <p>To add a sink: implement {@code ReportSink} and a {@link dev.faxreports.cli.sink.SinkKind}
 * (the option that chooses it, what that option's value names, the variable for a password), and
 * list the kind in {@link dev.faxreports.cli.sink.SinkKinds}. {@code FileSinkKind} is the shortest
 * example, {@code DatabaseSinkKind} one that checks its value and takes credentials.
 */
package dev.faxreports.cli.sink;
