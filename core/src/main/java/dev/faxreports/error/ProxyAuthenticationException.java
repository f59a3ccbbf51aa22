package dev.faxreports.error;

import dev.faxreports.model.DataCenter;
import java.util.List;

/**
 * The HTTP proxy refused this library's credentials for it (HTTP 407), or asked for credentials
 * when none were configured. An authentication failure — never retried — but of the proxy, not of
 * the service: the message names the proxy and the proxy settings, so nobody changes the Retarus
 * password for it.
 */
public class ProxyAuthenticationException extends AuthenticationException {
  private static final long serialVersionUID = 1L;

  private final String proxy;

  /**
   * @param proxy the proxy as {@code http://host:port}, never with credentials
   * @param credentialsSent whether credentials were offered (refused) or none were configured
   */
  public ProxyAuthenticationException(DataCenter dataCenter, String proxy, boolean credentialsSent) {
    this("the proxy " + proxy + (credentialsSent
        ? " refused its credentials (HTTP 407): check the proxy user name and password"
        : " requires credentials (HTTP 407) and none are configured")
        + " (retarus.fax.proxy-username/-password, RETARUS_PROXY_USERNAME/RETARUS_PROXY_PASSWORD,"
        + " or the proxy URL's user information)", dataCenter, proxy);
  }

  private ProxyAuthenticationException(String message, DataCenter dataCenter, String proxy) {
    super(message, dataCenter, 407, null, null);
    this.proxy = proxy;
  }

  /**
   * The proxy answered 407 offering only authentication schemes this library does not speak
   * (Digest, NTLM, Negotiate…): no user name or password would help.
   *
   * @param proxy the proxy as {@code http://host:port}, never with credentials
   * @param schemes the schemes its {@code Proxy-Authenticate} headers offered
   */
  public static ProxyAuthenticationException unsupportedSchemes(DataCenter dataCenter, String proxy, List<String> schemes) {
    return new ProxyAuthenticationException("the proxy " + proxy + " asks for " + String.join(", ", schemes)
        + " authentication (HTTP 407), and only Basic proxy authentication is supported: have the proxy offer"
        + " Basic for this client, or let it through without authentication", dataCenter, proxy);
  }

  /** The proxy, as {@code http://host:port}. */
  public String proxy() {
    return proxy;
  }
}
