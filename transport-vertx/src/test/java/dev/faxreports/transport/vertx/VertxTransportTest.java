package dev.faxreports.transport.vertx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faxreports.port.FaxReportsTransportProvider;
import dev.faxreports.testkit.contract.ContractSubject;
import dev.faxreports.testkit.contract.HttpTransportContract;
import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The wire-level contract, plus Vert.x's own: who owns the {@link Vertx}. */
class VertxTransportTest extends HttpTransportContract {

  @Override
  protected FaxReportsTransportProvider provider() {
    return new VertxTransportProvider();
  }

  @Override
  protected String expectedName() {
    return "vertx";
  }

  @Test
  void aVertxItCreatedIsClosedWithIt() throws Exception {
    VertxTransport transport = VertxTransport.create(ContractSubject.SETTINGS);
    Vertx own = transport.vertx();

    transport.closeAsync().toCompletableFuture().get(10, TimeUnit.SECONDS);

    // A closed Vertx refuses new work: its timer never fires and setTimer throws or is ignored.
    assertThat(isRunning(own)).isFalse();
  }

  @Test
  void aBorrowedVertxKeepsRunningAfterClose() throws Exception {
    Vertx mine = Vertx.vertx();
    try {
      VertxTransport transport = VertxTransport.create(mine, ContractSubject.SETTINGS);

      transport.closeAsync().toCompletableFuture().get(10, TimeUnit.SECONDS);

      assertThat(transport.vertx()).isSameAs(mine);
      assertThat(isRunning(mine)).isTrue();
    } finally {
      mine.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }

  /** Whether the instance still runs tasks. */
  private static boolean isRunning(Vertx vertx) throws Exception {
    try {
      return vertx.executeBlocking(() -> true).toCompletionStage().toCompletableFuture()
          .get(2, TimeUnit.SECONDS);
    } catch (Exception closed) {
      return false;
    }
  }
}
