package dev.faxreports.testkit;

import dev.faxreports.testkit.tls.TestCertificates;
import java.util.List;
import java.util.Objects;

/**
 * How a {@link FakeFaxServer} speaks HTTPS: with the server certificate of {@code certificates},
 * under a host name it covers, optionally requiring a client certificate from the same CA.
 *
 * @param certificates the private CA and its certificates; give the client {@link
 *     TestCertificates#authority()} (or a file of it) to trust
 * @param hostName the host in the data centers' URLs, such as {@code localhost} or a name only a
 *     test proxy can resolve; the server listens on loopback whatever the name
 * @param clientCertificateRequired whether the handshake needs a client certificate (mutual TLS)
 * @param protocols the TLS versions the server speaks ({@code TLSv1.2}, {@code TLSv1.3}); empty for
 *     the JVM's default
 */
public record ServerTls(TestCertificates certificates, String hostName, boolean clientCertificateRequired,
    List<String> protocols) {

  public ServerTls {
    Objects.requireNonNull(certificates, "certificates");
    if (hostName == null || !hostName.matches("[A-Za-z0-9.-]+")) {
      throw new IllegalArgumentException("a plain host name, was " + hostName);
    }
    protocols = protocols == null ? List.of() : List.copyOf(protocols);
  }

  /** Speaking the JVM's default TLS versions. */
  public ServerTls(TestCertificates certificates, String hostName, boolean clientCertificateRequired) {
    this(certificates, hostName, clientCertificateRequired, List.of());
  }

  /** HTTPS under {@code hostName}, no client certificate asked for. */
  public static ServerTls of(TestCertificates certificates, String hostName) {
    return new ServerTls(certificates, hostName, false);
  }

  /** The same, requiring a client certificate of the CA. */
  public ServerTls requiringClientCertificate() {
    return new ServerTls(certificates, hostName, true, protocols);
  }

  /**
   * The same, speaking only these TLS versions: {@code "TLSv1.2"} alone makes a client certificate
   * refusal arrive after the client has sent its whole flight, as many servers still do.
   */
  public ServerTls onlyProtocols(String... versions) {
    return new ServerTls(certificates, hostName, clientCertificateRequired, List.of(versions));
  }
}
