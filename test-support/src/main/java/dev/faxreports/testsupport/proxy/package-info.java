/**
 * Proxies for tests: a real forward proxy, {@link dev.faxreports.testsupport.proxy.ForwardProxy}, in
 * the test JVM, on loopback, resolving only the names it is given; and a misbehaving one, {@link
 * dev.faxreports.testsupport.proxy.ScriptedProxy}, that answers every {@code CONNECT} with canned
 * bytes (a 503 with {@code Retry-After}, a 407 offering only NTLM, a page instead of TLS).
 */
package dev.faxreports.testsupport.proxy;
