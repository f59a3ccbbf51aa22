/**
 * Test support for code that uses faxreports: {@link dev.faxreports.testkit.FakeFaxService}, an
 * in-memory implementation of the transport SPI that behaves like the service (and passes the same
 * contract suite as every real transport), and {@link dev.faxreports.testkit.FakeFaxServer}, the
 * same fake over loopback HTTP.
 */
package dev.faxreports.testkit;
