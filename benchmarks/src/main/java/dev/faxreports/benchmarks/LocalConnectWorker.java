package dev.faxreports.benchmarks;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.connect.cli.ConnectStandalone;
import org.apache.kafka.connect.runtime.Connect;
import org.apache.kafka.connect.runtime.Herder;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorInfo;
import org.apache.kafka.connect.util.FutureCallback;

/**
 * A real standalone Kafka Connect worker in this JVM, started as {@code connect-standalone.sh}
 * starts one (connect-runtime's {@code ConnectStandalone}), with the worker's default producer
 * settings. The connector is found on the class path through its {@code META-INF/services} entry,
 * as in a plugin directory.
 */
final class LocalConnectWorker implements AutoCloseable {

  private final Connect<?> connect;

  private LocalConnectWorker(Connect<?> connect) {
    this.connect = connect;
  }

  /** A worker keeping its source offsets in the file {@code offsets}. */
  static LocalConnectWorker standalone(String bootstrapServers, Path offsets) {
    Map<String, String> props = new HashMap<>();
    props.put("bootstrap.servers", bootstrapServers);
    props.put("listeners", "http://127.0.0.1:0");
    props.put("plugin.discovery", "service_load");
    props.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
    props.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
    props.put("offset.storage.file.filename", offsets.toString());
    return new LocalConnectWorker(new ConnectStandalone().startConnect(props));
  }

  /** Creates {@code name} and waits until the worker accepted it (its tasks start right after). */
  void putConnector(String name, Map<String, String> config) throws Exception {
    FutureCallback<Herder.Created<ConnectorInfo>> done = new FutureCallback<>();
    Map<String, String> named = new HashMap<>(config);
    named.put("name", name);
    connect.herder().putConnectorConfig(name, named, false, done);
    done.get(30, TimeUnit.SECONDS);
  }

  void deleteConnector(String name) throws Exception {
    FutureCallback<Herder.Created<ConnectorInfo>> done = new FutureCallback<>();
    connect.herder().deleteConnectorConfig(name, done);
    done.get(30, TimeUnit.SECONDS);
  }

  /** The connector's and its tasks' states, with the trace of a failed one. */
  String status(String name) {
    return connect.herder().connectorStatus(name).toString();
  }

  @Override
  public void close() {
    connect.stop();
    connect.awaitStop();
  }
}
