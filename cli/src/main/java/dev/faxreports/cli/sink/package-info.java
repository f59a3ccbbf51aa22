/**
 * Where a drain stores what it collects: the export file and the database, each a {@link
 * dev.faxreports.cli.sink.ReportSink} that returns only once a page is durable.
 */
package dev.faxreports.cli.sink;
