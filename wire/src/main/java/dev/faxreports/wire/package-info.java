/**
 * The Retarus Fax REST v1 wire format in one place: JSON bodies to and from the core records,
 * request paths, and HTTP answers to core exceptions. Used by every transport and by the testkit's
 * HTTP fake server, so that they cannot disagree.
 */
package dev.faxreports.wire;
