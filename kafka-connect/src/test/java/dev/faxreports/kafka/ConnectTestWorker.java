package dev.faxreports.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.connect.cli.ConnectDistributed;
import org.apache.kafka.connect.cli.ConnectStandalone;
import org.apache.kafka.connect.runtime.Connect;
import org.apache.kafka.connect.runtime.Herder;
import org.apache.kafka.connect.runtime.rest.entities.TaskInfo;
import org.apache.kafka.connect.util.FutureCallback;

/**
 * A real Kafka Connect worker, started the way {@code connect-distributed.sh} and {@code
 * connect-standalone.sh} start one (connect-runtime's own {@code ConnectDistributed} and {@code
 * ConnectStandalone}), in this JVM or — to be killed like a lost machine — in a child JVM. The
 * connector is found on the class path through its {@code META-INF/services} entry
 * ({@code plugin.discovery=service_load}), as in a plugin directory.
 */
final class ConnectTestWorker implements AutoCloseable {

  private final Connect<?> connect;

  private ConnectTestWorker(Connect<?> connect) {
    this.connect = connect;
  }

  /** A distributed worker of group {@code group}; several such workers form one Connect cluster. */
  static ConnectTestWorker distributed(String bootstrapServers, String group) {
    Map<String, String> props = common(bootstrapServers);
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

  /** A standalone worker keeping its offsets in {@code offsets}. */
  static ConnectTestWorker standalone(String bootstrapServers, Path offsets) {
    return new ConnectTestWorker(new ConnectStandalone().startConnect(standaloneProps(bootstrapServers, offsets)));
  }

  /**
   * A standalone worker running {@code connector} in a child JVM of this test's class path, to be
   * killed with {@link Process#destroyForcibly()} (SIGKILL: no task stops, nothing is flushed).
   */
  static Process standaloneChild(String bootstrapServers, Path directory, Map<String, String> connector)
      throws IOException {
    Path worker = write(directory.resolve("worker.properties"),
        standaloneProps(bootstrapServers, directory.resolve("offsets")));
    Path connectorFile = write(directory.resolve("connector.properties"), connector);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
        ConnectStandalone.class.getName(), worker.toString(), connectorFile.toString())
        .redirectErrorStream(true)
        .redirectOutput(directory.resolve("worker.log").toFile())
        .start();
  }

  /** Creates (or replaces) {@code name} and waits until the worker accepted it. */
  void putConnector(String name, Map<String, String> config) throws Exception {
    FutureCallback<Herder.Created<org.apache.kafka.connect.runtime.rest.entities.ConnectorInfo>> done =
        new FutureCallback<>();
    Map<String, String> named = new HashMap<>(config);
    named.put("name", name);
    connect.herder().putConnectorConfig(name, named, true, done);
    done.get(30, TimeUnit.SECONDS);
  }

  /** The connector's task configurations as the worker holds them. */
  List<TaskInfo> taskConfigs(String name) throws Exception {
    FutureCallback<List<TaskInfo>> done = new FutureCallback<>();
    connect.herder().taskConfigs(name, done);
    return done.get(30, TimeUnit.SECONDS);
  }

  /** The connector's and its tasks' states, such as RUNNING and FAILED with the trace. */
  String status(String name) {
    return connect.herder().connectorStatus(name).toString();
  }

  void deleteConnector(String name) throws Exception {
    FutureCallback<Herder.Created<org.apache.kafka.connect.runtime.rest.entities.ConnectorInfo>> done =
        new FutureCallback<>();
    connect.herder().deleteConnectorConfig(name, done);
    done.get(30, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    connect.stop();
    connect.awaitStop();
  }

  private static Map<String, String> common(String bootstrapServers) {
    Map<String, String> props = new HashMap<>();
    props.put("bootstrap.servers", bootstrapServers);
    props.put("listeners", "http://127.0.0.1:0");
    props.put("plugin.discovery", "service_load");
    props.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
    props.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
    props.put("offset.flush.interval.ms", "500");
    props.put("task.shutdown.graceful.timeout.ms", "10000");
    return props;
  }

  private static Map<String, String> standaloneProps(String bootstrapServers, Path offsets) {
    Map<String, String> props = common(bootstrapServers);
    props.put("offset.storage.file.filename", offsets.toString());
    return props;
  }

  private static Path write(Path file, Map<String, String> values) throws IOException {
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
