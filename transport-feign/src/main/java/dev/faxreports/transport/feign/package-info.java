/**
 * The transport SPI on OpenFeign: {@code AsyncFeign} over the JDK HTTP client ({@code
 * feign-java11}), bodies read and written by the wire module. Chosen with the name {@code feign}.
 */
package dev.faxreports.transport.feign;
