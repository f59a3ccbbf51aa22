/**
 * Storing reports in SQL: {@link dev.faxreports.jdbc.JdbcReportStore}, a drain handler for
 * PostgreSQL and SQLite that commits each page before the drain deletes it and upserts by job ID,
 * so that the at-least-once drain leaves each report exactly once in the table.
 */
package dev.faxreports.jdbc;
