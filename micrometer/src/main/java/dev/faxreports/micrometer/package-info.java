/**
 * Micrometer for faxreports: {@link dev.faxreports.micrometer.MicrometerObserver} turns the facade's
 * events into meters ({@link dev.faxreports.micrometer.FaxReportsMeters} lists them) and, given an
 * {@code ObservationRegistry}, into observations — spans with micrometer-tracing or the
 * OpenTelemetry bridge. {@link dev.faxreports.micrometer.DataCenterFigures} reads a run's figures
 * back per data center.
 *
 * <p>The observations follow Micrometer's conventions: {@link
 * dev.faxreports.micrometer.FaxReportsObservation} documents them and their key names; a
 * convention ({@link dev.faxreports.micrometer.DefaultFaxReportsRequestObservationConvention},
 * {@link dev.faxreports.micrometer.DefaultFaxReportsDrainObservationConvention}) names them and
 * tags them from their context, and yours may replace it. Inside, the meters ({@code MeterObserver})
 * and the observations ({@code ObservationObserver}) are separate parts: the meters never go
 * through an observation registry.
 */
package dev.faxreports.micrometer;
