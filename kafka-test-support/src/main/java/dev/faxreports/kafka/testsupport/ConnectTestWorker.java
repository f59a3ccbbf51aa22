package dev.faxreports.kafka.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.connect.cli.ConnectDistributed;
import org.apache.kafka.connect.cli.ConnectStandalone;
import org.apache.kafka.connect.runtime.Connect;
import org.apache.kafka.connect.runtime.Herder;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorInfo;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorStateInfo;
import org.apache.kafka.connect.runtime.rest.entities.TaskInfo;
import org.apache.kafka.connect.util.FutureCallback;

/**
 * A real Kafka Connect worker, started the way {@code connect-distributed.sh} and {@code
 * connect-standalone.sh} start one (connect-runtime's own {@code ConnectDistributed} and {@code
 * ConnectStandalone}), in this JVM or — to be killed like a lost machine — in a child JVM. The
 * connector is found on the class path through its {@code META-INF/services} entry
 * ({@code plugin.discovery=service_load}), as in a plugin directory.
 */
public final class ConnectTestWorker implements AutoCloseable {

  private static final Duration HERDER_PATIENCE = Duration.ofSeconds(30);

  private final Connect<?> connect;

  private ConnectTestWorker(Connect<?> connect) {
    this.connect = connect;
  }

  /**
   * A distributed worker; several such workers of one group form one Connect cluster.
   *
   * @param bootstrapServers the broker
   * @param group the Connect cluster's group, also the prefix of its internal topics
   * @return the running worker
   */
  public static ConnectTestWorker distributed(String bootstrapServers, String group) {
    Map<String, String> props = testTimings(bootstrapServers);
    props.put("group.id", group);
    props.put("config.storage.topic", group + "-configs");
    props.put("offset.storage.topic", group + "-offsets");
    props.put("status.storage.topic", group + "-status");
    props.put("config.storage.replication.factor", "1");
    props.put("offset.storage.replication.factor", "1");
    props.put("status.storage.replication.factor", "1");
    props.put("offset.storage.partitions", "1");
    props.put("status.storage.partitions", "1");
    props.put("session.timeout.ms", "3000");
    props.put("heartbeat.interval.ms", "500");
    props.put("scheduled.rebalance.max.delay.ms", "0");
    return new ConnectTestWorker(new ConnectDistributed().startConnect(props));
  }

  /**
   * A standalone worker with short offset-flush and shutdown timings, for tests.
   *
   * @param bootstrapServers the broker
   * @param offsets the file the worker keeps its source offsets in
   * @return the running worker
   */
  public static ConnectTestWorker standalone(String bootstrapServers, Path offsets) {
    return new ConnectTestWorker(new ConnectStandalone().startConnect(standaloneProps(bootstrapServers, offsets)));
  }

  /**
   * A standalone worker with connect-runtime's default timings and producer settings: only what
   * running in this JVM needs is set (loopback REST port, class-path discovery, converters). What
   * a benchmark measures, as a user's first worker runs.
   *
   * @param bootstrapServers the broker
   * @param offsets the file the worker keeps its source offsets in
   * @return the running worker
   */
  public static ConnectTestWorker standaloneWithDefaults(String bootstrapServers, Path offsets) {
    Map<String, String> props = inThisJvm(bootstrapServers);
    props.put("offset.storage.file.filename", offsets.toString());
    return new ConnectTestWorker(new ConnectStandalone().startConnect(props));
  }

  /**
   * A standalone worker running {@code connector} in a child JVM of this JVM's class path, to be
   * killed with {@link Process#destroyForcibly()} (SIGKILL: no task stops, nothing is flushed).
   *
   * @param bootstrapServers the broker
   * @param directory where the worker's and connector's properties, offsets and log go
   * @param connector the connector's configuration, {@code name} included
   * @return the child process, its output in {@code worker.log} of {@code directory}
   */
  public static Process standaloneChild(String bootstrapServers, Path directory, Map<String, String> connector) {
    Path worker = write(directory.resolve("worker.properties"),
        standaloneProps(bootstrapServers, directory.resolve("offsets")));
    Path connectorFile = write(directory.resolve("connector.properties"), connector);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    try {
      return new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
          ConnectStandalone.class.getName(), worker.toString(), connectorFile.toString())
          .redirectErrorStream(true)
          .redirectOutput(directory.resolve("worker.log").toFile())
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Creates (or replaces) a connector and waits until the worker accepted it (its tasks start
   * right after).
   *
   * @param name the connector's name
   * @param config its configuration, without {@code name}
   */
  public void putConnector(String name, Map<String, String> config) {
    FutureCallback<Herder.Created<ConnectorInfo>> done = new FutureCallback<>();
    Map<String, String> named = new HashMap<>(config);
    named.put("name", name);
    connect.herder().putConnectorConfig(name, named, true, done);
    Await.result(done, HERDER_PATIENCE, "creating connector " + name);
  }

  /**
   * The connector's task configurations as the worker holds them.
   *
   * @param name the connector's name
   * @return one entry per task
   */
  public List<TaskInfo> taskConfigs(String name) {
    FutureCallback<List<TaskInfo>> done = new FutureCallback<>();
    connect.herder().taskConfigs(name, done);
    return Await.result(done, HERDER_PATIENCE, "the task configurations of " + name);
  }

  /**
   * The connector's and its tasks' states, such as RUNNING, and FAILED with the trace.
   *
   * @param name the connector's name
   * @return the status as text, for a failure message
   */
  public String status(String name) {
    ConnectorStateInfo status;
    try {
      status = connect.herder().connectorStatus(name);
    } catch (RuntimeException e) {
      return "no status of " + name + ": " + e;
    }
    StringBuilder text = new StringBuilder(name).append(": ").append(describe(status.connector()));
    status.tasks().forEach(task -> text.append("; task ").append(task.id()).append(": ").append(describe(task)));
    return text.toString();
  }

  private static String describe(ConnectorStateInfo.AbstractState state) {
    return state.trace() == null ? state.state() : state.state() + " " + state.trace();
  }

  /**
   * Deletes a connector and waits until the worker did.
   *
   * @param name the connector's name
   */
  public void deleteConnector(String name) {
    FutureCallback<Herder.Created<ConnectorInfo>> done = new FutureCallback<>();
    connect.herder().deleteConnectorConfig(name, done);
    Await.result(done, HERDER_PATIENCE, "deleting connector " + name);
  }

  /** Stops the worker and its tasks, and waits until it stopped. */
  @Override
  public void close() {
    connect.stop();
    connect.awaitStop();
  }

  /** What every worker here needs: this broker, a free loopback REST port, plugins found on the class path. */
  private static Map<String, String> inThisJvm(String bootstrapServers) {
    Map<String, String> props = new HashMap<>();
    props.put("bootstrap.servers", bootstrapServers);
    props.put("listeners", "http://127.0.0.1:0");
    props.put("plugin.discovery", "service_load");
    props.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
    props.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
    return props;
  }

  /** Offsets flushed and tasks stopped quickly, so a test sees a replaced worker resume soon. */
  private static Map<String, String> testTimings(String bootstrapServers) {
    Map<String, String> props = inThisJvm(bootstrapServers);
    props.put("offset.flush.interval.ms", "500");
    props.put("task.shutdown.graceful.timeout.ms", "10000");
    return props;
  }

  private static Map<String, String> standaloneProps(String bootstrapServers, Path offsets) {
    Map<String, String> props = testTimings(bootstrapServers);
    props.put("offset.storage.file.filename", offsets.toString());
    return props;
  }

  private static Path write(Path file, Map<String, String> values) {
    Properties properties = new Properties();
    properties.putAll(values);
    try (var out = Files.newBufferedWriter(file)) {
      properties.store(out, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }
}
