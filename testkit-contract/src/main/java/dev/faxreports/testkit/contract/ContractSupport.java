package dev.faxreports.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.faxreports.model.DataCenter;
import dev.faxreports.model.Region;
import dev.faxreports.testkit.FakeFaxService;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The fixture both contracts share: a two-data-center fake and the subject over it. */
abstract class ContractSupport {

  /** Long enough for any honest call here, short enough that a hang fails the test. */
  static final Duration PATIENCE = Duration.ofSeconds(20);

  protected FakeFaxService service;
  protected ContractSubject subject;
  /** The data centers as the subject addresses them. */
  protected DataCenter first;
  protected DataCenter second;

  /** The subject under test, over {@code service}. */
  protected abstract ContractSubject subject(FakeFaxService service);

  @BeforeEach
  void createSubject() {
    service = FakeFaxService.builder().region(Region.EUROPE).build();
    subject = subject(service);
    first = subject.dataCenters().get(0);
    second = subject.dataCenters().get(1);
  }

  @AfterEach
  void closeSubject() {
    subject.close();
  }

  static <T> T await(CompletionStage<T> stage) {
    try {
      return stage.toCompletableFuture().get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      return fail("expected success, failed with " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      return fail("no answer within " + PATIENCE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return fail("interrupted");
    }
  }

  static Throwable failureOf(CompletionStage<?> stage) {
    try {
      stage.toCompletableFuture().get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (TimeoutException e) {
      return fail("no answer within " + PATIENCE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return fail("interrupted");
    }
    return fail("expected a failure, but the call succeeded");
  }

  static Throwable failureOf(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      return e;
    }
    return fail("expected a failure, but the call succeeded");
  }

  static void assertNames(Throwable failure, DataCenter dataCenter) {
    assertThat(failure).isInstanceOf(dev.faxreports.error.FaxReportsException.class);
    assertThat(((dev.faxreports.error.FaxReportsException) failure).dataCenter())
        .as("the failure names its data center").map(DataCenter::name).contains(dataCenter.name());
    assertThat(failure.getMessage()).contains(dataCenter.name());
  }
}
