/**
 * What the facade reports while it works, for metrics and tracing adapters: the {@link
 * dev.faxreports.observe.FaxReportsObserver} SPI and the events it receives. JDK types only — an
 * adapter such as {@code faxreports-micrometer} maps the events to a library; core never knows one.
 */
package dev.faxreports.observe;
