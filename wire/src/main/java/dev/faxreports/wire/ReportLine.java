package dev.faxreports.wire;

import dev.faxreports.model.FaxReport;

/**
 * One line of an export file: a report and the data center it was listed in.
 *
 * @param dataCenter the data center's name, or {@code null} when the line has none
 * @param report the report; its {@link FaxReport#originalJson()} is the line's report, byte for byte
 */
public record ReportLine(String dataCenter, FaxReport report) {}
