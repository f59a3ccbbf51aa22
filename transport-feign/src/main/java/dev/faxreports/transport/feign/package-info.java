/**
 * The transport SPI on OpenFeign: {@code AsyncFeign} over OkHttp (proxies with Basic credentials
 * for HTTPS tunnels, the configured trust and key material), answers read bounded and
 * gzip-decoded by the wire module ({@link dev.faxreports.wire.BoundedBody}), bodies read and
 * written by the wire module. Chosen with the name {@code feign}.
 */
package dev.faxreports.transport.feign;
