/**
 * Certificates for tests, {@link dev.faxreports.testsupport.tls.TestCertificates}: a private CA
 * made per run, with server and client certificates, as the files users have and as the {@link
 * dev.faxreports.testkit.ServerTls} an HTTPS fake server takes. Here, not in the published testkit,
 * because making certificates takes BouncyCastle.
 */
package dev.faxreports.testsupport.tls;
