package dev.faxreports.testkit;

import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * How a {@link FakeFaxServer} speaks HTTPS: with the key material of {@code context}, under a host
 * name its certificate covers, optionally requiring a client certificate that the context trusts.
 *
 * <p>Any {@link SSLContext} with a key manager works: one loaded from a key store with {@link
 * javax.net.ssl.KeyManagerFactory}, or one a test made from a private CA.
 *
 * @param context presents the server certificate and, for mutual TLS, trusts the client's
 * @param hostName the host in the data centers' URLs, such as {@code localhost} or a name only a
 *     test proxy can resolve; the server listens on loopback whatever the name
 * @param clientCertificateRequired whether the handshake needs a client certificate (mutual TLS)
 * @param protocols the TLS versions the server speaks ({@code TLSv1.2}, {@code TLSv1.3}); empty for
 *     the JVM's default
 */
public record ServerTls(SSLContext context, String hostName, boolean clientCertificateRequired,
    List<String> protocols) {

  public ServerTls {
    Objects.requireNonNull(context, "context");
    if (hostName == null || !hostName.matches("[A-Za-z0-9.-]+")) {
      throw new IllegalArgumentException("a plain host name, was " + hostName);
    }
    protocols = protocols == null ? List.of() : List.copyOf(protocols);
  }

  /** Speaking the JVM's default TLS versions. */
  public ServerTls(SSLContext context, String hostName, boolean clientCertificateRequired) {
    this(context, hostName, clientCertificateRequired, List.of());
  }

  /** HTTPS under {@code hostName}, no client certificate asked for. */
  public static ServerTls of(SSLContext context, String hostName) {
    return new ServerTls(context, hostName, false);
  }

  /** The same, requiring a client certificate the context trusts. */
  public ServerTls requiringClientCertificate() {
    return new ServerTls(context, hostName, true, protocols);
  }

  /**
   * The same, speaking only these TLS versions: {@code "TLSv1.2"} alone makes a client certificate
   * refusal arrive after the client has sent its whole flight, as many servers still do.
   */
  public ServerTls onlyProtocols(String... versions) {
    return new ServerTls(context, hostName, clientCertificateRequired, List.of(versions));
  }
}
