package dev.faxreports.config;

import java.util.List;

/**
 * The configuration keys, as documented in the user guide. Each is a {@link Setting} of the catalogue
 * {@link Settings}, which holds its environment variable, default and doc.
 */
public final class ConfigKeys {
  private ConfigKeys() {}

  public static final String TRANSPORT = "retarus.fax.transport";
  public static final String REGION = "retarus.fax.region";
  public static final String ENDPOINTS = "retarus.fax.endpoints";
  public static final String CUSTOMER_NUMBER = "retarus.fax.customer-number";
  public static final String USERNAME = "retarus.fax.username";
  public static final String PASSWORD = "retarus.fax.password";
  public static final String CONNECT_TIMEOUT = "retarus.fax.connect-timeout";
  public static final String REQUEST_TIMEOUT = "retarus.fax.request-timeout";
  public static final String DEADLINE = "retarus.fax.deadline";
  public static final String MAX_ATTEMPTS = "retarus.fax.max-attempts";
  public static final String MAX_RESPONSE_BYTES = "retarus.fax.max-response-bytes";
  public static final String STRICT = "retarus.fax.strict";
  public static final String ALLOW_INSECURE_HTTP = "retarus.fax.allow-insecure-http";
  /** The proxy's URL, {@code http://[user:password@]host:port}; {@code none} connects directly. */
  public static final String PROXY = "retarus.fax.proxy";
  public static final String PROXY_USERNAME = "retarus.fax.proxy-username";
  public static final String PROXY_PASSWORD = "retarus.fax.proxy-password";
  /** Hosts reached without the proxy, a comma list as {@code NO_PROXY} has it. */
  public static final String PROXY_BYPASS = "retarus.fax.proxy-bypass";
  public static final String TRUST_STORE = "retarus.fax.trust-store";
  public static final String TRUST_STORE_PASSWORD = "retarus.fax.trust-store-password";
  public static final String KEY_STORE = "retarus.fax.key-store";
  public static final String KEY_STORE_PASSWORD = "retarus.fax.key-store-password";
  /**
   * Observers to create by name, a comma list ({@code micrometer}): each a {@code
   * FaxReportsObserverProvider} on the class path.
   */
  public static final String OBSERVERS = "retarus.fax.observers";

  /** Every key, in the order the guide lists them: the keys of {@link Settings#ALL}. */
  public static final List<String> ALL = Settings.ALL.stream().map(Setting::key).toList();
}
