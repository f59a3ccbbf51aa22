package dev.faxreports.kafka;

import dev.faxreports.kafka.testsupport.ConnectTestWorker;
import dev.faxreports.kafka.testsupport.KafkaTestBroker;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One broker and one distributed Connect worker for every test class of this module that asks for
 * them (a parameter of type {@link KafkaTestBroker} or {@link ConnectTestWorker}): started by the
 * first, closed when the test run ends. Starting them takes about ten seconds on a busy machine,
 * once instead of once per class. Classes keep apart by their own topic and connector names.
 */
final class SharedKafka implements ParameterResolver {

  /** Kept in the run's root store, which closes it (AutoCloseable) when the run ends. */
  private record Running(KafkaTestBroker broker, ConnectTestWorker worker) implements AutoCloseable {
    @Override
    public void close() {
      try {
        worker.close();
      } finally {
        broker.close();
      }
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == KafkaTestBroker.class || type == ConnectTestWorker.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Running running = context.getRoot().getStore(ExtensionContext.Namespace.create(SharedKafka.class))
        .getOrComputeIfAbsent(Running.class, key -> start(), Running.class);
    return parameter.getParameter().getType() == KafkaTestBroker.class ? running.broker() : running.worker();
  }

  private static Running start() {
    KafkaTestBroker broker = KafkaTestBroker.start();
    try {
      return new Running(broker, ConnectTestWorker.distributed(broker.bootstrapServers(), "faxreports-it"));
    } catch (RuntimeException e) {
      broker.close();
      throw e;
    }
  }
}
