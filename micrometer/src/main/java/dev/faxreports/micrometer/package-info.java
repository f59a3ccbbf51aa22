/**
 * Micrometer for faxreports: {@link dev.faxreports.micrometer.MicrometerObserver} turns the facade's
 * events into meters ({@link dev.faxreports.micrometer.FaxReportsMeters} lists them) and, given an
 * {@code ObservationRegistry}, into observations — spans with micrometer-tracing or the
 * OpenTelemetry bridge. {@link dev.faxreports.micrometer.DataCenterFigures} reads a run's figures
 * back per data center.
 */
package dev.faxreports.micrometer;
