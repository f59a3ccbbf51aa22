package dev.faxreports.cli;

import dev.faxreports.config.ConfigKeys;
import dev.faxreports.config.ConfigSource;
import dev.faxreports.config.ConfigValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The options every command shares. {@link ScopeType#INHERIT}: accepted before the command and
 * after it ({@code faxreports list --region EUROPE}), listed in each command's help, and set here
 * wherever given. Each names its environment fallback. To add an option: a field below and one
 * line in {@link #source()}.
 */
final class GlobalOptions {

  @Option(names = "--endpoint", paramLabel = "URL", scope = ScopeType.INHERIT,
      description = "A data-center base URL such as https://faxws.de1.retarus.com/rest/v1 (its path"
          + " ends in /rest/v1), or NAME=URL; repeat it for each data center. Overrides --region."
          + " (env RETARUS_FAX_ENDPOINTS, comma-separated)")
  List<String> endpoints;

  @Option(names = "--region", paramLabel = "REGION", scope = ScopeType.INHERIT,
      description = "EUROPE, USA, SWITZERLAND or SINGAPORE: every data center of it is queried."
          + " (env RETARUS_FAX_REGION)")
  String region;

  @Option(names = "--customer", paramLabel = "NUMBER", scope = ScopeType.INHERIT,
      description = "The customer number. (env RETARUS_CUSTOMER_NUMBER or RETARUS_FAX_CUSTOMER_NUMBER)")
  String customer;

  @Option(names = "--transport", paramLabel = "feign|vertx", scope = ScopeType.INHERIT,
      description = "The HTTP transport (default feign). (env RETARUS_FAX_TRANSPORT)")
  String transport;

  @Option(names = "--connect-timeout", paramLabel = "DURATION", scope = ScopeType.INHERIT,
      description = "How long opening a connection may take, e.g. 10s or PT10S (default 10s)."
          + " (env RETARUS_FAX_CONNECT_TIMEOUT)")
  String connectTimeout;

  @Option(names = "--request-timeout", paramLabel = "DURATION", scope = ScopeType.INHERIT,
      description = "How long one request may take, e.g. 30s or PT30S (default 30s)."
          + " (env RETARUS_FAX_REQUEST_TIMEOUT)")
  String requestTimeout;

  @Option(names = "--deadline", paramLabel = "DURATION", scope = ScopeType.INHERIT,
      description = "How long one call may take in all, retries included, e.g. 2m or PT2M (default 2m);"
          + " a drain applies it to each page. (env RETARUS_FAX_DEADLINE)")
  String deadline;

  @Option(names = "--max-attempts", paramLabel = "N", scope = ScopeType.INHERIT,
      description = "Tries per request, retries included (default 4). (env RETARUS_FAX_MAX_ATTEMPTS)")
  String maxAttempts;

  @Option(names = "--strict", paramLabel = "true|false", arity = "0..1", fallbackValue = "true",
      scope = ScopeType.INHERIT,
      description = "Fail (exit 5) when any data center fails, instead of a partial result (exit 1)."
          + " (env RETARUS_FAX_STRICT)")
  String strict;

  @Option(names = "--allow-insecure-http", paramLabel = "true|false", arity = "0..1",
      fallbackValue = "true", scope = ScopeType.INHERIT,
      description = "Allow http:// endpoints on other hosts than loopback (a trusted proxy): the"
          + " password then travels in clear text. (env RETARUS_FAX_ALLOW_INSECURE_HTTP)")
  String allowInsecureHttp;

  @Option(names = "--proxy", paramLabel = "URL", scope = ScopeType.INHERIT,
      description = "The HTTP proxy, http://host:port, for https:// endpoints (tunnelled through it);"
          + " loopback is never proxied, and plain http:// elsewhere is refused through a proxy."
          + " none connects directly. Credentials from RETARUS_PROXY_USERNAME and"
          + " RETARUS_PROXY_PASSWORD: a password in the URL is visible to every user of the machine"
          + " (ps). (env RETARUS_FAX_PROXY, else HTTPS_PROXY with NO_PROXY, else the JVM's"
          + " https.proxyHost)")
  String proxy;

  @Option(names = "--no-proxy", paramLabel = "HOSTS", scope = ScopeType.INHERIT,
      description = "Hosts reached without the proxy, comma-separated: example.com and .example.com"
          + " match its subdomains too, an address only itself, 10.0.0.0/8 the addresses in it, *"
          + " every host. Replaces NO_PROXY, which applies to HTTPS_PROXY's proxy only."
          + " (env RETARUS_FAX_PROXY_BYPASS)")
  String noProxy;

  @Option(names = "--trust-store", paramLabel = "FILE", scope = ScopeType.INHERIT,
      description = "CA certificates to trust instead of the JVM's: PEM, or PKCS#12/JKS with its"
          + " password in RETARUS_TRUST_STORE_PASSWORD. (env RETARUS_FAX_TRUST_STORE)")
  String trustStore;

  @Option(names = "--key-store", paramLabel = "FILE", scope = ScopeType.INHERIT,
      description = "A client certificate for mutual TLS: PKCS#12 with its password in"
          + " RETARUS_KEY_STORE_PASSWORD. (env RETARUS_FAX_KEY_STORE)")
  String keyStore;

  /** The settings given as options, each naming its option in an error. */
  ConfigSource source() {
    Map<String, ConfigValue> given = new LinkedHashMap<>();
    put(given, ConfigKeys.ENDPOINTS, "--endpoint", endpoints == null ? null : String.join(",", endpoints));
    put(given, ConfigKeys.REGION, "--region", region);
    put(given, ConfigKeys.CUSTOMER_NUMBER, "--customer", customer);
    put(given, ConfigKeys.TRANSPORT, "--transport", transport);
    put(given, ConfigKeys.CONNECT_TIMEOUT, "--connect-timeout", connectTimeout);
    put(given, ConfigKeys.REQUEST_TIMEOUT, "--request-timeout", requestTimeout);
    put(given, ConfigKeys.DEADLINE, "--deadline", deadline);
    put(given, ConfigKeys.MAX_ATTEMPTS, "--max-attempts", maxAttempts);
    put(given, ConfigKeys.STRICT, "--strict", strict);
    put(given, ConfigKeys.ALLOW_INSECURE_HTTP, "--allow-insecure-http", allowInsecureHttp);
    put(given, ConfigKeys.PROXY, "--proxy", proxy);
    put(given, ConfigKeys.PROXY_BYPASS, "--no-proxy", noProxy);
    put(given, ConfigKeys.TRUST_STORE, "--trust-store", trustStore);
    put(given, ConfigKeys.KEY_STORE, "--key-store", keyStore);
    return key -> Optional.ofNullable(given.get(key));
  }

  private static void put(Map<String, ConfigValue> given, String key, String option, String value) {
    if (value != null && !value.isBlank()) {
      given.put(key, new ConfigValue(key, value, "option " + option));
    }
  }
}
