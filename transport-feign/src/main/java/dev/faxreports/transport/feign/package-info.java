/**
 * The transport SPI on OpenFeign: {@code AsyncFeign} over the JDK HTTP client, answers read bounded
 * and gzip-decoded by the wire module ({@link dev.faxreports.wire.BoundedBodyHandler}), bodies
 * read and written by the wire module. Chosen with the name {@code feign}.
 */
package dev.faxreports.transport.feign;
