package dev.faxreports;

import dev.faxreports.config.ConfigSource;
import dev.faxreports.config.ProxyResolution;
import dev.faxreports.config.Settings;
import dev.faxreports.config.TransportChoice;
import dev.faxreports.error.InvalidArgumentException;
import dev.faxreports.internal.Observers;
import dev.faxreports.internal.RetryingCaller;
import dev.faxreports.internal.SystemScheduler;
import dev.faxreports.internal.Validation;
import dev.faxreports.model.Credentials;
import dev.faxreports.model.DataCenter;
import dev.faxreports.model.Region;
import dev.faxreports.observe.FaxReportsObserver;
import dev.faxreports.port.FaxReportsTransport;
import dev.faxreports.port.FaxReportsTransportProvider;
import dev.faxreports.port.ProxySettings;
import dev.faxreports.port.TlsSettings;
import dev.faxreports.port.TransportSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Configures a {@link FaxReports}. Everything is checked in {@link #build()}, with an error that
 * names what is wrong; nothing is sent before then.
 */
public final class FaxReportsBuilder {

  /** How long one call may take in all, retries and their waits included. */
  public static final Duration DEFAULT_DEADLINE = Settings.DEADLINE.defaultValue().orElseThrow();

  private final List<DataCenter> dataCenters = new ArrayList<>();
  private String customerNumber;
  private Credentials credentials;
  private FaxReportsTransport transport;
  private FaxReportsTransportProvider provider;
  private String transportName;
  private Duration connectTimeout = TransportSettings.DEFAULT_CONNECT_TIMEOUT;
  private Duration requestTimeout = TransportSettings.DEFAULT_REQUEST_TIMEOUT;
  private long maxResponseBytes = TransportSettings.DEFAULT_MAX_RESPONSE_BYTES;
  private Duration deadline = DEFAULT_DEADLINE;
  private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
  private boolean strict;
  private boolean allowInsecureHttp;
  private ProxySettings proxy;
  private boolean direct;
  private TlsSettings tls = TlsSettings.DEFAULT;
  private Credentials proxyCredentials;
  private Supplier<Optional<ProxySettings>> environmentProxy =
      ProxyResolution::fromEnvironment;
  private List<String> proxyBypass;
  private Scheduler scheduler;
  private RandomGenerator random;
  private final List<FaxReportsObserver> observers = new ArrayList<>();

  FaxReportsBuilder() {}

  /** Queries every data center of the region (replaces data centers set before). */
  public FaxReportsBuilder region(Region region) {
    if (region == null) {
      throw new InvalidArgumentException("region must not be null");
    }
    dataCenters.clear();
    dataCenters.addAll(region.dataCenters());
    return this;
  }

  /** Queries exactly these data centers (replaces data centers set before). */
  public FaxReportsBuilder dataCenters(List<DataCenter> explicit) {
    if (explicit == null || explicit.stream().anyMatch(java.util.Objects::isNull)) {
      throw new InvalidArgumentException("data centers must not be null");
    }
    dataCenters.clear();
    dataCenters.addAll(explicit);
    return this;
  }

  /** Queries these base URLs, one per data center, e.g. {@code https://faxws.de1.retarus.com/rest/v1}. */
  public FaxReportsBuilder endpoints(String... baseUrls) {
    List<DataCenter> parsed = new ArrayList<>();
    for (String url : baseUrls) {
      try {
        parsed.add(DataCenter.of(url));
      } catch (IllegalArgumentException e) {
        throw new InvalidArgumentException(e.getMessage());
      }
    }
    return dataCenters(parsed);
  }

  public FaxReportsBuilder customerNumber(String customerNumber) {
    this.customerNumber = customerNumber;
    return this;
  }

  public FaxReportsBuilder credentials(Credentials credentials) {
    this.credentials = credentials;
    return this;
  }

  /**
   * Uses this transport as it is. The facade does not close it: whoever made it owns it. Customer
   * number, credentials and connect timeout are then the transport's business.
   */
  public FaxReportsBuilder transport(FaxReportsTransport transport) {
    this.transport = transport;
    this.provider = null;
    return this;
  }

  /** Creates the transport from this builder's settings; the facade owns and closes it. */
  public FaxReportsBuilder transport(FaxReportsTransportProvider provider) {
    this.provider = provider;
    this.transport = null;
    return this;
  }

  /**
   * Chooses, by its name such as {@code feign} or {@code vertx}, the transport provider found on
   * the class path. Without a transport, a provider or a name, the only provider on the class path
   * is used.
   */
  public FaxReportsBuilder transportName(String name) {
    this.transportName = name;
    this.transport = null;
    this.provider = null;
    return this;
  }

  /**
   * Applies every setting {@code source} has ({@link Settings}); settings it lacks keep their
   * current value. A bad value is an {@link InvalidArgumentException} naming its key and origin.
   */
  public FaxReportsBuilder configure(ConfigSource source) {
    new Configuration(source).applyTo(this);
    return this;
  }

  public FaxReportsBuilder connectTimeout(Duration timeout) {
    this.connectTimeout = timeout;
    return this;
  }

  /** How long one attempt may take, from sending to the end of the answer. Default 30 s. */
  public FaxReportsBuilder requestTimeout(Duration timeout) {
    this.requestTimeout = timeout;
    return this;
  }

  /**
   * The most bytes one answer may have, as received and after gzip inflation; a larger answer
   * fails that call with a {@link dev.faxreports.error.ResponseTooLargeException} (not retried)
   * instead of exhausting memory. Default {@link TransportSettings#DEFAULT_MAX_RESPONSE_BYTES}
   * (16 MiB; a full page of 1000 reports is about 350 KB). Applies to a transport this builder
   * creates; a transport given as it is keeps its own.
   */
  public FaxReportsBuilder maxResponseBytes(long bytes) {
    this.maxResponseBytes = bytes;
    return this;
  }

  /** How long one call may take in all, retries included. Default 2 min; per page in a drain. */
  public FaxReportsBuilder deadline(Duration deadline) {
    this.deadline = deadline;
    return this;
  }

  public FaxReportsBuilder retryPolicy(RetryPolicy policy) {
    this.retryPolicy = policy;
    return this;
  }

  /** Shorthand for the default backoff with {@code attempts} tries in all. */
  public FaxReportsBuilder maxAttempts(int attempts) {
    try {
      this.retryPolicy = retryPolicy.withMaxAttempts(attempts);
    } catch (IllegalArgumentException e) {
      throw new InvalidArgumentException(e.getMessage());
    }
    return this;
  }

  /** Any failed data center makes the call throw, instead of being reported in the result. */
  public FaxReportsBuilder strict(boolean strict) {
    this.strict = strict;
    return this;
  }

  /**
   * Allows {@code http://} to hosts other than loopback. Credentials then travel in clear text:
   * only for a trusted proxy on a trusted network.
   */
  public FaxReportsBuilder allowInsecureHttp(boolean allow) {
    this.allowInsecureHttp = allow;
    return this;
  }

  /**
   * Goes through this HTTP forward proxy (HTTPS tunnelled with CONNECT, Basic credentials if it has
   * them, its bypass list honoured per host). Without this call the proxy comes from the
   * environment: {@code HTTPS_PROXY}/{@code https_proxy} with {@code NO_PROXY}/{@code no_proxy},
   * else the JVM's {@code https.proxyHost}/{@code https.proxyPort}/{@code http.nonProxyHosts}, else
   * none. Loopback addresses are always reached directly.
   */
  public FaxReportsBuilder proxy(ProxySettings proxy) {
    this.proxy = proxy;
    this.direct = false;
    return this;
  }

  /**
   * Credentials for whichever proxy is used — given, or found in the environment — when it has
   * none of its own (a proxy URL's user information wins).
   */
  public FaxReportsBuilder proxyCredentials(Credentials credentials) {
    this.proxyCredentials = credentials;
    return this;
  }

  /**
   * The hosts reached without the proxy, replacing the proxy's own list (and {@code NO_PROXY}):
   * {@code example.com} and {@code .example.com} match the domain and its subdomains, {@code *}
   * every host.
   */
  public FaxReportsBuilder proxyBypass(List<String> hosts) {
    this.proxyBypass = hosts == null ? null : List.copyOf(hosts);
    return this;
  }

  /**
   * The environment variables and system properties to find a proxy in when none is configured
   * (default: this process's); a command-line tool passes the environment it was given.
   */
  public FaxReportsBuilder proxyEnvironment(Map<String, String> variables, Properties properties) {
    Map<String, String> copy = Map.copyOf(variables);
    Properties propertiesCopy = (Properties) properties.clone();
    this.environmentProxy = () -> ProxyResolution.from(copy, propertiesCopy);
    return this;
  }

  /** Connects directly, whatever proxy the environment names. */
  public FaxReportsBuilder noProxy() {
    this.proxy = null;
    this.direct = true;
    return this;
  }

  /**
   * Trust and key material for the TLS connections (a trust store replacing the JVM's, a client
   * certificate); default {@link TlsSettings#DEFAULT}. Host names are always verified.
   */
  public FaxReportsBuilder tls(TlsSettings tls) {
    this.tls = tls == null ? TlsSettings.DEFAULT : tls;
    return this;
  }

  /**
   * Adds an observer that hears every request, retry, listing and drain step — for metrics and
   * traces, e.g. {@code faxreports-micrometer}'s {@code MicrometerObserver}. Several may be added;
   * each hears every event, in the order added. See {@link FaxReportsObserver}.
   */
  public FaxReportsBuilder observer(FaxReportsObserver observer) {
    if (observer == null) {
      throw new InvalidArgumentException("observer must not be null");
    }
    observers.add(observer);
    return this;
  }

  /** For tests: the clock and timers for backoff and timeouts (default: real time). */
  public FaxReportsBuilder scheduler(Scheduler scheduler) {
    this.scheduler = scheduler;
    return this;
  }

  /** For tests: the source of retry jitter. */
  public FaxReportsBuilder random(RandomGenerator random) {
    this.random = random;
    return this;
  }

  public FaxReports build() {
    return new FaxReports(buildAsync());
  }

  public AsyncFaxReports buildAsync() {
    List<DataCenter> checkedDataCenters = checkedDataCenters();
    requirePositive(requestTimeout, "request timeout");
    requirePositive(connectTimeout, "connect timeout");
    requirePositive(deadline, "deadline");
    if (maxResponseBytes < 1 || maxResponseBytes > Integer.MAX_VALUE - 8) {
      throw new InvalidArgumentException("max response bytes must be between 1 and "
          + (Integer.MAX_VALUE - 8) + ", was " + maxResponseBytes);
    }
    if (retryPolicy == null) {
      throw new InvalidArgumentException("retry policy must not be null");
    }
    List<AutoCloseable> owned = new ArrayList<>();
    FaxReportsTransport chosen = transport != null ? transport : createTransport(owned);
    Scheduler timers = scheduler;
    if (timers == null) {
      SystemScheduler system = new SystemScheduler();
      owned.add(system);
      timers = system;
    }
    Observers observed = observers.isEmpty() ? Observers.NONE : new Observers(observers);
    RetryingCaller caller = new RetryingCaller(timers, retryPolicy, requestTimeout, deadline,
        random != null ? random : RandomGenerator.getDefault(), observed);
    return new AsyncFaxReports(checkedDataCenters, chosen, caller, observed, strict, owned);
  }

  @Override
  public String toString() {
    return "FaxReportsBuilder[dataCenters=" + dataCenters + ", transport=" + (transport != null
        ? transport.getClass().getSimpleName() : provider != null ? provider.name() : transportName)
        + ", customerNumber=" + customerNumber
        + ", credentials=" + credentials + ", requestTimeout=" + requestTimeout
        + ", maxResponseBytes=" + maxResponseBytes + ", proxy=" + (direct ? "none" : proxy) + ", tls=" + tls
        + ", deadline=" + deadline + ", retryPolicy=" + retryPolicy + ", strict=" + strict
        + (observers.isEmpty() ? "" : ", observers=" + observers.size()) + "]";
  }

  private FaxReportsTransport createTransport(List<AutoCloseable> owned) {
    FaxReportsTransportProvider chosen = provider != null ? provider
        : TransportChoice.select(transportName, TransportChoice.discovered());
    if (customerNumber == null) {
      throw new InvalidArgumentException("customer number is missing: set it on the builder, or "
          + Settings.CUSTOMER_NUMBER.key() + " (" + Settings.CUSTOMER_NUMBER.environmentVariable() + ")");
    }
    Validation.requireCustomerNumber(customerNumber);
    if (credentials == null) {
      throw new InvalidArgumentException("credentials are missing: set them on the builder, or "
          + Settings.USERNAME.key() + " and " + Settings.PASSWORD.key() + " (" + Settings.USERNAME.environmentVariable()
          + ", " + Settings.PASSWORD.environmentVariable() + ")");
    }
    FaxReportsTransport created = chosen.create(new TransportSettings(customerNumber, credentials,
        connectTimeout, requestTimeout, TransportSettings.DEFAULT_MAX_CONNECTIONS_PER_DATA_CENTER,
        maxResponseBytes, effectiveProxy(), tls));
    owned.add(0, created);
    return created;
  }

  /**
   * The proxy given, none if {@link #noProxy()} was asked for, else the environment's; with the
   * configured credentials if it has none, and the configured bypass list if there is one.
   */
  private ProxySettings effectiveProxy() {
    if (direct) {
      return null;
    }
    ProxySettings chosen;
    try {
      chosen = proxy != null ? proxy : environmentProxy.get().orElse(null);
    } catch (IllegalArgumentException e) {
      throw new InvalidArgumentException(e.getMessage());
    }
    if (chosen == null) {
      return null;
    }
    if (chosen.credentials() == null && proxyCredentials != null) {
      chosen = chosen.withCredentials(proxyCredentials);
    }
    chosen = proxyBypass == null ? chosen : chosen.withBypass(proxyBypass);
    if (proxy != null) { // configured; the environment's HTTPS_PROXY is for https:// alone anyway
      refuseClearTextThrough(chosen);
    }
    return chosen;
  }

  /** A configured proxy never carries plain http://: it would read the credentials in clear text. */
  private void refuseClearTextThrough(ProxySettings chosen) {
    for (DataCenter dataCenter : dataCenters) {
      if (!dataCenter.isHttps() && !dataCenter.isLoopback() && !chosen.bypasses(dataCenter.baseUri().getHost())) {
        throw new InvalidArgumentException("refusing to send " + dataCenter + " through the proxy " + chosen.uri()
            + ": over plain http:// the proxy would read the credentials in clear text; use https://,"
            + " or put the host on the proxy's bypass list");
      }
    }
  }

  private List<DataCenter> checkedDataCenters() {
    if (dataCenters.isEmpty()) {
      throw new InvalidArgumentException("no data center: set a region or endpoints");
    }
    List<DataCenter> distinct;
    try {
      distinct = DataCenter.distinct(dataCenters);
    } catch (IllegalArgumentException sharedName) {
      throw new InvalidArgumentException(sharedName.getMessage());
    }
    for (DataCenter dataCenter : distinct) {
      if (!dataCenter.isHttps() && !dataCenter.isLoopback() && !allowInsecureHttp) {
        throw new InvalidArgumentException("refusing plain http:// to " + dataCenter
            + ": credentials would travel in clear text; use https://, or allowInsecureHttp(true)"
            + " for a trusted proxy");
      }
    }
    return distinct;
  }

  private static void requirePositive(Duration value, String name) {
    if (value == null || value.isZero() || value.isNegative()) {
      throw new InvalidArgumentException(name + " must be a positive duration, was " + value);
    }
  }
}
