/**
 * The facade users call: {@link dev.faxreports.FaxReports} (blocking) and {@link
 * dev.faxreports.AsyncFaxReports} (non-blocking), built with {@link
 * dev.faxreports.FaxReports#builder()}, and the types their results come in. The machinery behind
 * them (fan-out, retries, chunking, merging, drain) is package-private.
 */
package dev.faxreports;
