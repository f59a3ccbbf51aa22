/** Guice 7 wiring: {@link dev.faxreports.guice.FaxReportsModule}. */
package dev.faxreports.guice;
