/**
 * The facade users call: {@link dev.faxreports.FaxReports} (blocking) and {@link
 * dev.faxreports.AsyncFaxReports} (non-blocking), built with {@link
 * dev.faxreports.FaxReports#builder()}; the types their results come in ({@link
 * dev.faxreports.ReportsResult}, {@link dev.faxreports.DeletionsResult}, {@link
 * dev.faxreports.DrainSummary}, each a {@link dev.faxreports.DataCenterOutcome}); the drain's
 * {@link dev.faxreports.DrainHandler} and {@link dev.faxreports.DrainPage}; and the policies a user
 * may set: {@link dev.faxreports.RetryPolicy}, {@link dev.faxreports.Backoff} and the {@link
 * dev.faxreports.Scheduler} seam for tests.
 *
 * <p>The machinery behind them (fan-out, retries, chunking, merging, drain) lives in {@code
 * dev.faxreports.internal}, which is not API. Beside this package: {@code model} (the report
 * records), {@code error} (the exception family), {@code config} (settings by name), {@code
 * observe} (the observer SPI) and {@code port} (the transport SPI).
 */
package dev.faxreports;
