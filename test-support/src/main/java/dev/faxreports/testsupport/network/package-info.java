/**
 * The networks every HTTP transport must handle alike, {@link
 * dev.faxreports.testsupport.network.NetworkContract}, run over a real proxy and real TLS.
 */
package dev.faxreports.testsupport.network;
