/**
 * The transport SPI on the Vert.x HTTP client, non-blocking end to end: requests are sent from any
 * thread, answers arrive on an event loop and are never waited for. Chosen with the name {@code
 * vertx}.
 */
package dev.faxreports.transport.vertx;
