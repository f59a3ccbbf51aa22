package dev.faxreports.kafka;

import dev.faxreports.FaxReports;
import dev.faxreports.FaxReportsBuilder;
import dev.faxreports.config.ConfigKeys;
import dev.faxreports.config.ConfigSource;
import dev.faxreports.config.ConfigValue;
import dev.faxreports.config.Setting;
import dev.faxreports.config.Settings;
import dev.faxreports.error.InvalidArgumentException;
import dev.faxreports.model.Credentials;
import dev.faxreports.model.DataCenter;
import dev.faxreports.model.Region;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;

/**
 * The connector's configuration: the accounts, where the reports go, how often to ask, and the
 * library's own settings under their usual {@code retarus.fax.*} names (the same names as in a
 * properties file, the CLI's environment or Guice), so one vocabulary serves every way of running
 * faxreports.
 *
 * <p>Each account has its own keys, {@code account.NAME.customer-number}, {@code .username} and
 * {@code .password}; the password is of type {@code PASSWORD}, so a config provider can supply it
 * ({@code ${file:/etc/retarus.properties:password}}) and Connect never logs or shows it. An
 * account may name its own {@code .region} or {@code .endpoints}; otherwise the connector's apply.
 *
 * <p>Every problem is a {@link ConfigException} naming the key, checked when the connector
 * starts and by Connect's validate endpoint, before any request is sent.
 */
public final class FaxReportsSourceConfig extends AbstractConfig {

  public static final String ACCOUNTS = "accounts";
  public static final String ACCOUNT_PREFIX = "account.";
  public static final String CUSTOMER_NUMBER = "customer-number";
  public static final String USERNAME = "username";
  public static final String PASSWORD = "password";
  public static final String REGION = "region";
  public static final String ENDPOINTS = "endpoints";

  public static final String TOPIC = "topic";
  public static final String POLL_INTERVAL_MS = "poll.interval.ms";
  public static final String RETRY_BACKOFF_MAX_MS = "retry.backoff.max.ms";
  public static final String DELETE_FILTERED = "delete.filtered.records";
  public static final String DELETE_LINGER_MS = "delete.linger.ms";
  public static final String SHUTDOWN_TIMEOUT_MS = "shutdown.timeout.ms";
  public static final String RECORD_TIMESTAMP = "record.timestamp";
  public static final String SERVICE_RETENTION_MS = "service.retention.ms";
  /** Settings of the admin client that reads the topic's retention: {@code admin.bootstrap.servers} and others. */
  public static final String ADMIN_PREFIX = "admin.";
  public static final String ADMIN_BOOTSTRAP_SERVERS = ADMIN_PREFIX + "bootstrap.servers";
  /** Connect's own per-connector admin overrides ({@code admin.override.*}): not ours. */
  static final String CONNECT_ADMIN_OVERRIDE_PREFIX = ADMIN_PREFIX + "override.";

  /** How long Retarus keeps a report: 30 days. */
  static final long SERVICE_RETENTION_DEFAULT_MS = Duration.ofDays(30).toMillis();

  /** Set by the connector in each task's configuration: the pairs that task drains. */
  public static final String TASK_PAIRS = "task.pairs";

  /**
   * The library settings the connector passes on as they are; accounts carry their own credentials,
   * and the region and endpoints are read per account.
   */
  static final List<Setting<?>> LIBRARY_SETTINGS = List.of(Settings.TRANSPORT, Settings.CONNECT_TIMEOUT,
      Settings.REQUEST_TIMEOUT, Settings.DEADLINE, Settings.MAX_ATTEMPTS, Settings.MAX_RESPONSE_BYTES,
      Settings.ALLOW_INSECURE_HTTP, Settings.PROXY, Settings.PROXY_USERNAME, Settings.PROXY_PASSWORD,
      Settings.PROXY_BYPASS, Settings.TRUST_STORE, Settings.TRUST_STORE_PASSWORD, Settings.KEY_STORE,
      Settings.KEY_STORE_PASSWORD);

  private static final String GROUP_ACCOUNTS = "Accounts";
  private static final String GROUP_DELIVERY = "Delivery";
  private static final String GROUP_SERVICE = "Retarus service";
  private static final String ACCOUNT_NAME = "[A-Za-z0-9_-]+";

  private final List<Account> accounts;

  /** Reads and checks {@code props}; a problem is a {@link ConfigException} naming its key. */
  public FaxReportsSourceConfig(Map<String, String> props) {
    super(definition(accountNames(props)), props, false);
    this.accounts = readAccounts();
    librarySettings().configureOnly(); // the retarus.fax.* values, checked before any request
  }

  /** The keys every connector has; {@link #definition(List)} adds each account's. */
  public static ConfigDef baseDefinition() {
    return definition(List.of());
  }

  /** The keys of a connector with these accounts. */
  public static ConfigDef definition(List<String> accountNames) {
    ConfigDef def = new ConfigDef();
    int order = 0;
    def.define(ACCOUNTS, Type.LIST, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString() {
          @Override
          public void ensureValid(String name, Object value) {
            @SuppressWarnings("unchecked")
            List<String> names = (List<String>) value;
            if (names == null || names.isEmpty()) {
              throw new ConfigException(name, value, "name at least one account");
            }
            for (String account : names) {
              if (!account.matches(ACCOUNT_NAME)) {
                throw new ConfigException(name, value, "account names are letters, digits, '_' and '-'; '"
                    + account + "' is not");
              }
            }
            if (new LinkedHashSet<>(names).size() < names.size()) {
              throw new ConfigException(name, value, "an account is named twice");
            }
          }

          @Override
          public String toString() {
            return "one or more names of letters, digits, '_' and '-'";
          }
        }, Importance.HIGH,
        "The accounts to drain, by name, such as billing,sales. Each needs account.NAME.customer-number,"
            + " account.NAME.username and account.NAME.password.",
        GROUP_ACCOUNTS, ++order, Width.LONG, "Accounts");
    for (String account : accountNames) {
      String prefix = ACCOUNT_PREFIX + account + ".";
      def.define(prefix + CUSTOMER_NUMBER, Type.STRING, ConfigDef.NO_DEFAULT_VALUE,
          new ConfigDef.NonEmptyString(), Importance.HIGH, "The Retarus customer number of " + account + ".",
          GROUP_ACCOUNTS, ++order, Width.SHORT, account + " customer number");
      def.define(prefix + USERNAME, Type.STRING, ConfigDef.NO_DEFAULT_VALUE,
          new ConfigDef.NonEmptyString(), Importance.HIGH, "The user of " + account + ".",
          GROUP_ACCOUNTS, ++order, Width.SHORT, account + " user");
      def.define(prefix + PASSWORD, Type.PASSWORD, ConfigDef.NO_DEFAULT_VALUE, Importance.HIGH,
          "The password of " + account + "; never logged. Use a config provider to keep it out of"
              + " the connector's configuration.",
          GROUP_ACCOUNTS, ++order, Width.SHORT, account + " password");
      def.define(prefix + REGION, Type.STRING, null, Importance.MEDIUM,
          "The region of " + account + " if it differs from " + ConfigKeys.REGION + ".",
          GROUP_ACCOUNTS, ++order, Width.SHORT, account + " region");
      def.define(prefix + ENDPOINTS, Type.LIST, null, Importance.LOW,
          "Data-center base URLs of " + account + " (NAME=URL or URL), instead of a region.",
          GROUP_ACCOUNTS, ++order, Width.LONG, account + " endpoints");
    }

    order = 0;
    def.define(TOPIC, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(),
        Importance.HIGH, "The topic every report goes to, keyed by job ID (compaction-friendly).",
        GROUP_DELIVERY, ++order, Width.LONG, "Topic");
    def.define(POLL_INTERVAL_MS, Type.LONG, 5_000L, ConfigDef.Range.between(10, 3_600_000),
        Importance.MEDIUM, "How long a data center that had nothing new rests before it is asked"
            + " again. A call of poll() waits at most this or a second, whichever is shorter, so a"
            + " stopping task is noticed within a second.",
        GROUP_DELIVERY, ++order, Width.SHORT, "Poll interval (ms)");
    def.define(RETRY_BACKOFF_MAX_MS, Type.LONG, 60_000L, ConfigDef.Range.between(10, 3_600_000),
        Importance.LOW, "The longest a data center that keeps failing rests between attempts (the"
            + " wait doubles from a second up to this); the other data centers go on meanwhile.",
        GROUP_DELIVERY, ++order, Width.SHORT, "Retry back-off ceiling (ms)");
    def.define(DELETE_FILTERED, Type.BOOLEAN, false, Importance.MEDIUM,
        "Whether a report whose record was not written to Kafka (dropped by a transformation or a"
            + " predicate, or by errors.tolerance=all) is deleted at Retarus all the same. Off: it"
            + " stays there, is not produced again by this task run and comes back after a restart;"
            + " as the list shows only a data center's oldest 1000, 1000 such reports stop that data"
            + " center until they expire (30 days). On: it is gone for good.",
        GROUP_DELIVERY, ++order, Width.SHORT, "Delete filtered records");
    def.define(DELETE_LINGER_MS, Type.LONG, 100L, ConfigDef.Range.between(0, 60_000),
        Importance.LOW, "How long an acknowledged report may wait for others to share its bulk"
            + " delete (at most 1000 IDs per request); a full batch goes at once.",
        GROUP_DELIVERY, ++order, Width.SHORT, "Delete linger (ms)");
    // Connect calls stop() on the task's thread and abandons a task still busy after the worker's
    // task.shutdown.graceful.timeout.ms (5 s by default): the default stays below that.
    def.define(SHUTDOWN_TIMEOUT_MS, Type.LONG, 4_000L, ConfigDef.Range.between(0, 300_000),
        Importance.LOW, "How long stopping a task may spend deleting what Kafka already has; what is"
            + " left comes again after the restart (at-least-once). Keep it below the worker's"
            + " task.shutdown.graceful.timeout.ms (5000 by default) less a second for the last"
            + " poll(): a task still deleting then is abandoned by the worker.",
        GROUP_DELIVERY, ++order, Width.SHORT, "Shutdown timeout (ms)");
    def.define(RECORD_TIMESTAMP, Type.STRING, RecordTimestamp.WRITTEN.setting(),
        ConfigDef.CaseInsensitiveValidString.in(RecordTimestamp.WRITTEN.setting(), RecordTimestamp.SENT.setting()),
        Importance.MEDIUM, "What a record's timestamp is. written: none is set, the producer stamps"
            + " the record when it is written (as the JDBC source and Debezium do), and the topic's"
            + " retention counts from then; the report's send times are in the value. sent: the"
            + " report's first sentTs (event time). Reports are up to 30 days old, so a topic that"
            + " deletes by time (the broker's default: retention.ms of 7 days) would delete such"
            + " records at its next retention check, after the reports were deleted at Retarus. With"
            + " sent the connector starts only if the topic is known to keep records longer than "
            + SERVICE_RETENTION_MS + ": retention.ms=-1 or more than that, or cleanup.policy=compact, read"
            + " from the topic with " + ADMIN_BOOTSTRAP_SERVERS + ", or from topic.creation.* when"
            + " Connect creates the topic.",
        GROUP_DELIVERY, ++order, Width.SHORT, "Record timestamp");
    def.define(SERVICE_RETENTION_MS, Type.LONG, SERVICE_RETENTION_DEFAULT_MS, ConfigDef.Range.atLeast(1),
        Importance.LOW, "How long Retarus keeps a report (30 days), so the oldest a report's sentTs"
            + " can be. With " + RECORD_TIMESTAMP + "=sent the topic's retention.ms must be longer.",
        GROUP_DELIVERY, ++order, Width.SHORT, "Service retention (ms)");
    def.define(ADMIN_BOOTSTRAP_SERVERS, Type.STRING, null, Importance.LOW,
        "The Kafka cluster of the topic (usually the worker's bootstrap.servers), for reading the"
            + " topic's retention.ms, cleanup.policy and message.timestamp.type when "
            + RECORD_TIMESTAMP + "=sent; unused otherwise. Further settings of that admin client"
            + " (security.protocol, sasl.*, ssl.*) go as admin.NAME, secrets through a config"
            + " provider; Connect's own admin.override.* are not read.",
        GROUP_DELIVERY, ++order, Width.LONG, "Admin bootstrap servers");
    def.define(TASK_PAIRS, Type.LIST, "", Importance.LOW,
        "Set by the connector for each task: the account@data-center pairs it drains.",
        GROUP_DELIVERY, ++order, Width.LONG, "Pairs (internal)");

    LibrarySettingDefinitions.defineAll(def, GROUP_SERVICE);
    return def;
  }

  /** The account names in {@code props}, read leniently: a bad value is reported by the definition. */
  static List<String> accountNames(Map<String, ?> props) {
    Object value = props.get(ACCOUNTS);
    if (value == null) {
      return List.of();
    }
    List<String> names = new ArrayList<>();
    for (String name : value.toString().split(",")) {
      if (name.strip().matches(ACCOUNT_NAME) && !names.contains(name.strip())) {
        names.add(name.strip());
      }
    }
    return names;
  }

  public List<Account> accounts() {
    return accounts;
  }

  /** Every account's pairs, in configuration order. */
  public List<Pair> pairs() {
    return accounts.stream().flatMap(account -> account.pairs().stream()).toList();
  }

  public Optional<Account> account(String name) {
    return accounts.stream().filter(account -> account.name().equals(name)).findFirst();
  }

  public String topic() {
    return getString(TOPIC);
  }

  public Duration pollInterval() {
    return Duration.ofMillis(getLong(POLL_INTERVAL_MS));
  }

  public Duration retryBackoffMax() {
    return Duration.ofMillis(getLong(RETRY_BACKOFF_MAX_MS));
  }

  public boolean deleteFiltered() {
    return getBoolean(DELETE_FILTERED);
  }

  public Duration deleteLinger() {
    return Duration.ofMillis(getLong(DELETE_LINGER_MS));
  }

  public Duration shutdownTimeout() {
    return Duration.ofMillis(getLong(SHUTDOWN_TIMEOUT_MS));
  }

  public RecordTimestamp recordTimestamp() {
    return RecordTimestamp.parse(getString(RECORD_TIMESTAMP));
  }

  public long serviceRetentionMs() {
    return getLong(SERVICE_RETENTION_MS);
  }

  /** The admin client's settings: every {@code admin.*} key without the prefix, Connect's {@code admin.override.*} left out. */
  Map<String, Object> adminSettings() {
    Map<String, Object> settings = new LinkedHashMap<>();
    originals().forEach((key, value) -> {
      if (key.startsWith(ADMIN_PREFIX) && !key.startsWith(CONNECT_ADMIN_OVERRIDE_PREFIX) && value != null) {
        settings.put(key.substring(ADMIN_PREFIX.length()), value);
      }
    });
    return settings;
  }

  /** What a record's timestamp is ({@link #RECORD_TIMESTAMP}). */
  public enum RecordTimestamp {
    /** None set: the producer's time when the record is written. */
    WRITTEN,
    /** The report's first sentTs. */
    SENT;

    /** The value as written in a configuration. */
    public String setting() {
      return name().toLowerCase(Locale.ROOT);
    }

    static RecordTimestamp parse(String value) {
      return valueOf(value.strip().toUpperCase(Locale.ROOT));
    }
  }

  /** The pairs a task was given ({@link #TASK_PAIRS}), each checked against the accounts. */
  public List<Pair> taskPairs() {
    List<Pair> pairs = new ArrayList<>();
    for (String id : getList(TASK_PAIRS)) {
      Pair pair;
      try {
        pair = Pair.parse(id);
      } catch (IllegalArgumentException e) {
        throw new ConfigException(TASK_PAIRS, id, e.getMessage());
      }
      if (!pairs().contains(pair)) {
        throw new ConfigException(TASK_PAIRS, id, "no such account and data center in this configuration");
      }
      pairs.add(pair);
    }
    return pairs;
  }

  /** The library's settings of this configuration, ready to apply to a builder. */
  LibrarySettings librarySettings() {
    Map<String, String> values = new LinkedHashMap<>();
    for (Setting<?> setting : LIBRARY_SETTINGS) {
      Object value = get(setting.key());
      if (value != null) {
        values.put(setting.key(), LibrarySettingDefinitions.text(value));
      }
    }
    return new LibrarySettings(values);
  }

  /** A builder for one pair: its account, its one data center, the library's settings. */
  FaxReportsBuilder builderFor(Pair pair) {
    Account account = account(pair.account())
        .orElseThrow(() -> new ConfigException(TASK_PAIRS, pair.id(), "no such account"));
    DataCenter dataCenter = account.dataCenters().stream()
        .filter(dc -> dc.name().equals(pair.dataCenter())).findFirst()
        .orElseThrow(() -> new ConfigException(TASK_PAIRS, pair.id(), "no such data center"));
    FaxReportsBuilder builder = FaxReports.builder();
    librarySettings().applyTo(builder);
    return builder.dataCenters(List.of(dataCenter))
        .customerNumber(account.customerNumber())
        .credentials(account.credentials());
  }

  private List<Account> readAccounts() {
    List<Account> read = new ArrayList<>();
    for (String name : getList(ACCOUNTS)) {
      String prefix = ACCOUNT_PREFIX + name + ".";
      String customerNumber = getString(prefix + CUSTOMER_NUMBER).strip();
      Credentials credentials;
      try {
        credentials = new Credentials(getString(prefix + USERNAME).strip(), getPassword(prefix + PASSWORD).value());
      } catch (IllegalArgumentException e) {
        throw new ConfigException(prefix + USERNAME + ": " + e.getMessage());
      }
      try {
        // the library's own check (no '/', '..', '%', control characters), before any request
        new LibrarySettings(Map.of(ConfigKeys.CUSTOMER_NUMBER, customerNumber)).configureOnly();
      } catch (InvalidArgumentException e) {
        throw new ConfigException(prefix + CUSTOMER_NUMBER, customerNumber, e.getMessage());
      }
      read.add(new Account(name, customerNumber, credentials, dataCenters(prefix)));
    }
    return List.copyOf(read);
  }

  /** The account's own endpoints or region, else the connector's; one of them must be there. */
  private List<DataCenter> dataCenters(String prefix) {
    List<String> endpoints = getList(prefix + ENDPOINTS);
    String endpointsKey = prefix + ENDPOINTS;
    String region = getString(prefix + REGION);
    String regionKey = prefix + REGION;
    if (endpoints == null && region == null) {
      endpoints = getList(ConfigKeys.ENDPOINTS);
      endpointsKey = ConfigKeys.ENDPOINTS;
      region = getString(ConfigKeys.REGION);
      regionKey = ConfigKeys.REGION;
    }
    if (endpoints != null && !endpoints.isEmpty()) {
      try {
        return DataCenter.ofAll(endpoints);
      } catch (IllegalArgumentException e) {
        throw new ConfigException(endpointsKey + ": " + e.getMessage());
      }
    }
    if (region == null || region.isBlank()) {
      throw new ConfigException("no data centers for account " + prefix.substring(ACCOUNT_PREFIX.length(),
          prefix.length() - 1) + ": set " + ConfigKeys.REGION + " or " + ConfigKeys.ENDPOINTS
          + " (or " + prefix + REGION + " / " + prefix + ENDPOINTS + ")");
    }
    try {
      return Region.parse(region.strip().toUpperCase(Locale.ROOT)).dataCenters();
    } catch (IllegalArgumentException e) {
      throw new ConfigException(regionKey, region, e.getMessage());
    }
  }

  /** The {@code retarus.fax.*} values, applied through the library's own configuration reader. */
  record LibrarySettings(Map<String, String> values) {

    void applyTo(FaxReportsBuilder builder) {
      try {
        builder.configure(source());
      } catch (InvalidArgumentException e) {
        throw new ConfigException(e.getMessage());
      }
    }

    /** Checks the values without building anything. */
    void configureOnly() {
      applyTo(FaxReports.builder());
    }

    private ConfigSource source() {
      Map<String, String> copy = Map.copyOf(values);
      return key -> Optional.ofNullable(copy.get(key))
          .map(value -> new ConfigValue(key, value, LibrarySettingDefinitions.ORIGIN));
    }

    @Override
    public String toString() {
      return "LibrarySettings" + values.keySet();
    }
  }
}
