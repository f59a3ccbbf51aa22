package dev.faxreports.config;

import java.util.List;

/** The configuration keys, as documented in the user guide. */
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

  /** Every key, in the order the guide lists them. */
  public static final List<String> ALL = List.of(TRANSPORT, REGION, ENDPOINTS, CUSTOMER_NUMBER,
      USERNAME, PASSWORD, CONNECT_TIMEOUT, REQUEST_TIMEOUT, DEADLINE, MAX_ATTEMPTS,
      MAX_RESPONSE_BYTES, STRICT, ALLOW_INSECURE_HTTP);
}
