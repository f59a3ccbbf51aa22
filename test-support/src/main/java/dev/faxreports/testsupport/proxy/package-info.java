/**
 * A real forward proxy for tests, {@link dev.faxreports.testsupport.proxy.ForwardProxy}: in the
 * test JVM, on loopback, resolving only the names it is given.
 */
package dev.faxreports.testsupport.proxy;
