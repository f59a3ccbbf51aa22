package dev.faxreports.port;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * The client's key manager, with or without a key store, that notes each server which asked for a
 * client certificate this client could not give.
 *
 * <p>Why: under TLS 1.2 the client sends its whole flight (an empty certificate message, its key
 * exchange, its Finished) before the server refuses it. The server's alert then often never reaches
 * the client: through a relay or proxy the connection is closed or reset first, and the client sees
 * a broken pipe or a closed channel, which reads as a network hiccup and would be retried. The note
 * taken here, when the server asked, lets the failure be named for what it is, the same way on every
 * transport; an answer from that server clears it (its handshake succeeded after all: it only
 * wanted a certificate).
 */
final class ClientKeys extends X509ExtendedKeyManager {

  private final X509ExtendedKeyManager keys;
  /**
   * Hosts that asked for a certificate we could not give, and what we had. By host alone: a
   * connection layered over a proxy's tunnel reports the proxy's port as its peer's.
   */
  private final Map<String, String> unanswered = new ConcurrentHashMap<>();

  /** @param keys the key store's manager, or {@code null} when none is configured */
  ClientKeys(X509ExtendedKeyManager keys) {
    this.keys = keys;
  }

  /**
   * Why the server {@code host} may have refused the handshake: it asked for a client certificate
   * that this client could not give; {@code null} if it did not ask, or answered since.
   */
  String refusal(String host) {
    return unanswered.isEmpty() ? null : unanswered.get(key(host));
  }

  /** The server {@code host} answered: whatever it asked in its handshake, it went on. */
  void answered(String host) {
    if (!unanswered.isEmpty()) {
      unanswered.remove(key(host));
    }
  }

  boolean hasKeys() {
    return keys != null;
  }

  @Override
  public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
    String alias = keys == null ? null : keys.chooseClientAlias(keyType, issuers, socket);
    SSLSession session = socket instanceof SSLSocket ssl ? ssl.getHandshakeSession() : null;
    note(session == null ? null : session.getPeerHost(), alias);
    return alias;
  }

  @Override
  public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
    String alias = keys == null ? null : keys.chooseEngineClientAlias(keyType, issuers, engine);
    note(engine == null ? null : engine.getPeerHost(), alias);
    return alias;
  }

  @Override
  public String[] getClientAliases(String keyType, Principal[] issuers) {
    return keys == null ? null : keys.getClientAliases(keyType, issuers);
  }

  @Override
  public X509Certificate[] getCertificateChain(String alias) {
    return keys == null ? null : keys.getCertificateChain(alias);
  }

  @Override
  public PrivateKey getPrivateKey(String alias) {
    return keys == null ? null : keys.getPrivateKey(alias);
  }

  @Override
  public String[] getServerAliases(String keyType, Principal[] issuers) {
    return null; // a client only
  }

  @Override
  public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
    return null;
  }

  @Override
  public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
    return null;
  }

  /**
   * The JDK asks once per key type the server accepts; the last answer of a handshake stands, so a
   * later alias found clears an earlier miss.
   */
  private void note(String host, String alias) {
    if (host == null) {
      return;
    }
    if (alias != null) {
      unanswered.remove(key(host));
    } else {
      unanswered.put(key(host), keys == null
          ? "it asked for a client certificate, and none is configured"
          : "it asked for a client certificate, and the key store holds none from an issuer it accepts");
    }
  }

  private static String key(String host) {
    String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    return bare.toLowerCase(Locale.ROOT);
  }
}
