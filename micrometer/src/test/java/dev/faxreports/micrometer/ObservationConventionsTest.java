package dev.faxreports.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faxreports.error.FaxReportsException;
import dev.faxreports.model.DataCenter;
import dev.faxreports.observe.DeleteFailed;
import dev.faxreports.observe.DrainFinished;
import dev.faxreports.observe.DrainObserver;
import dev.faxreports.observe.DrainStarted;
import dev.faxreports.observe.Operation;
import dev.faxreports.observe.Outcome;
import dev.faxreports.observe.PageExported;
import dev.faxreports.observe.RequestFinished;
import dev.faxreports.observe.RequestStarted;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.common.docs.KeyName;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.GlobalObservationConvention;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The observations follow Micrometer's conventions: a convention of yours (given to the builder or
 * registered globally) renames and retags them while the meters stay, and {@link
 * FaxReportsObservation} documents exactly the keys the default conventions emit.
 */
class ObservationConventionsTest {

  private static final RequestStarted LISTING = new RequestStarted(DataCenter.DE1, Operation.LIST, 2);
  private static final RequestFinished LISTED = new RequestFinished(DataCenter.DE1, Operation.LIST, 2,
      Outcome.SUCCESS, 200, Duration.ofMillis(7), 1_234, null);
  private static final RequestFinished UNAVAILABLE = new RequestFinished(DataCenter.DE1, Operation.LIST, 2,
      Outcome.SERVER_ERROR, 503, Duration.ofMillis(7), -1, new FaxReportsException("503 from DE1"));
  private static final DrainStarted DRAIN = new DrainStarted(List.of(DataCenter.DE1, DataCenter.DE2));
  private static final DrainFinished DRAINED = new DrainFinished(42, 42,
      Map.of(DataCenter.DE2, new FaxReportsException("DE2 unavailable")), null);

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final TestObservationRegistry observations = TestObservationRegistry.create();

  /** Ours: another name, another contextual name, one more tag — what the defaults give, kept. */
  static final class TenantRequestConvention extends DefaultFaxReportsRequestObservationConvention {
    @Override
    public String getName() {
      return "acme.fax.request";
    }

    @Override
    public String getContextualName(FaxReportsRequestContext context) {
      return "fax " + context.getRequest().operation().tagValue();
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(FaxReportsRequestContext context) {
      return super.getLowCardinalityKeyValues(context).and("tenant", "acme");
    }
  }

  /** Registered on the registry instead of given to the builder. */
  static final class GlobalRequestConvention extends DefaultFaxReportsRequestObservationConvention
      implements GlobalObservationConvention<FaxReportsRequestContext> {
    @Override
    public String getName() {
      return "global.fax.request";
    }
  }

  @Test
  void aRequestConventionOfOursRenamesAndRetagsTheObservationButNotTheMeters() {
    MicrometerObserver observer = MicrometerObserver.builder(meters).observationRegistry(observations)
        .requestObservationConvention(new TenantRequestConvention()).build();

    observer.requestStarted(LISTING).finished(LISTED);

    TestObservationRegistryAssert.assertThat(observations)
        .hasNumberOfObservationsWithNameEqualTo(FaxReportsMeters.REQUEST_OBSERVATION, 0)
        .hasObservationWithNameEqualTo("acme.fax.request").that()
        .hasContextualNameEqualTo("fax list")
        .hasLowCardinalityKeyValue("tenant", "acme")
        .hasLowCardinalityKeyValue("data.center", "DE1")
        .hasLowCardinalityKeyValue("outcome", "success")
        .hasLowCardinalityKeyValue("status", "200")
        .hasHighCardinalityKeyValue("attempt", "2")
        .hasHighCardinalityKeyValue("response.bytes", "1234")
        .hasBeenStarted().hasBeenStopped();
    assertThat(meters.get(FaxReportsMeters.REQUESTS).tag("data.center", "DE1").tag("operation", "list")
        .tag("outcome", "success").tag("status", "200").timer().count()).isEqualTo(1);
    assertThat(meters.getMeters()).allSatisfy(meter -> assertThat(meter.getId().getTag("tenant")).isNull());
  }

  @Test
  void theDefaultConventionNamesAFailedAttemptAndCarriesItsError() {
    MicrometerObserver observer = MicrometerObserver.builder(meters).observationRegistry(observations).build();

    observer.requestStarted(LISTING).finished(UNAVAILABLE);

    TestObservationRegistryAssert.assertThat(observations)
        .hasObservationWithNameEqualTo(FaxReportsMeters.REQUEST_OBSERVATION).that()
        .hasContextualNameEqualTo("faxreports list")
        .hasLowCardinalityKeyValue("outcome", "server.error")
        .hasLowCardinalityKeyValue("status", "503")
        .doesNotHaveHighCardinalityKeyValueWithKey("response.bytes")
        .hasError();
  }

  @Test
  void aGlobalConventionOnTheRegistryAppliesUnlessTheBuilderWasGivenOne() {
    observations.observationConfig().observationConvention(new GlobalRequestConvention());

    MicrometerObserver.builder(meters).observationRegistry(observations).build()
        .requestStarted(LISTING).finished(LISTED);
    MicrometerObserver.builder(meters).observationRegistry(observations)
        .requestObservationConvention(new TenantRequestConvention()).build()
        .requestStarted(LISTING).finished(LISTED);

    TestObservationRegistryAssert.assertThat(observations)
        .hasNumberOfObservationsWithNameEqualTo("global.fax.request", 1)
        .hasNumberOfObservationsWithNameEqualTo("acme.fax.request", 1)
        .hasNumberOfObservationsWithNameEqualTo(FaxReportsMeters.REQUEST_OBSERVATION, 0);
  }

  @Test
  void aDrainConventionOfOursRenamesAndRetagsTheDrainsObservation() {
    MicrometerObserver observer = MicrometerObserver.builder(meters).observationRegistry(observations)
        .drainObservationConvention(new DefaultFaxReportsDrainObservationConvention() {
          @Override
          public String getName() {
            return "acme.fax.drain";
          }

          @Override
          public KeyValues getHighCardinalityKeyValues(FaxReportsDrainContext context) {
            DrainFinished finished = context.getFinished();
            return finished == null ? KeyValues.empty()
                : KeyValues.of("acknowledged", String.valueOf(finished.acknowledged()));
          }
        }).build();

    observer.drainStarted(DRAIN).finished(DRAINED);

    TestObservationRegistryAssert.assertThat(observations)
        .hasNumberOfObservationsWithNameEqualTo(FaxReportsMeters.DRAIN_OBSERVATION, 0)
        .hasObservationWithNameEqualTo("acme.fax.drain").that()
        .hasContextualNameEqualTo("faxreports drain")
        .hasLowCardinalityKeyValue("data.centers", "2")
        .hasLowCardinalityKeyValue("failed.data.centers", "1")
        .hasHighCardinalityKeyValue("acknowledged", "42")
        .doesNotHaveHighCardinalityKeyValueWithKey("reports.exported")
        .hasBeenStopped();
    assertThat(meters.get(FaxReportsMeters.DRAIN).longTaskTimer().activeTasks()).isZero();
  }

  @Test
  void theEnumDocumentsExactlyTheKeysTheDefaultConventionsEmit() {
    Recorder recorder = new Recorder();
    ObservationRegistry registry = ObservationRegistry.create();
    registry.observationConfig().observationHandler(recorder);
    MicrometerObserver observer = MicrometerObserver.builder(meters).observationRegistry(registry).build();

    observer.requestStarted(LISTING).finished(LISTED);
    DrainObserver drain = observer.drainStarted(DRAIN);
    drain.pageExported(new PageExported(DataCenter.DE1, 3, 500));
    drain.deleteFailed(new DeleteFailed(DataCenter.DE1, 3, 2, null));
    drain.finished(DRAINED);

    assertThat(recorder.stopped).extracting(Observation.Context::getName)
        .containsExactly(FaxReportsMeters.REQUEST_OBSERVATION, FaxReportsMeters.DRAIN_OBSERVATION);
    assertThat(keys(recorder.stopped.get(0).getLowCardinalityKeyValues()))
        .isEqualTo(names(FaxReportsObservation.REQUEST.getLowCardinalityKeyNames()));
    assertThat(keys(recorder.stopped.get(0).getHighCardinalityKeyValues()))
        .isEqualTo(names(FaxReportsObservation.REQUEST.getHighCardinalityKeyNames()));
    assertThat(keys(recorder.stopped.get(1).getLowCardinalityKeyValues()))
        .isEqualTo(names(FaxReportsObservation.DRAIN.getLowCardinalityKeyNames()));
    assertThat(keys(recorder.stopped.get(1).getHighCardinalityKeyValues()))
        .isEqualTo(names(FaxReportsObservation.DRAIN.getHighCardinalityKeyNames()));
    assertThat(recorder.events).containsExactly(
        "faxreports.page.exported DE1 round 3: 500 reports",
        "faxreports.delete.failed DE1 round 3: 2 reports");
    assertThat(Stream.of(FaxReportsObservation.DRAIN.getEvents()).map(Observation.Event::getName))
        .containsExactly("faxreports.page.exported", "faxreports.delete.failed");
  }

  @Test
  void theEnumNamesTheDefaultConventions() {
    assertThat(FaxReportsObservation.REQUEST.getDefaultConvention())
        .isEqualTo(DefaultFaxReportsRequestObservationConvention.class);
    assertThat(FaxReportsObservation.DRAIN.getDefaultConvention())
        .isEqualTo(DefaultFaxReportsDrainObservationConvention.class);
  }

  private static Set<String> keys(KeyValues keyValues) {
    return keyValues.stream().map(KeyValue::getKey).collect(Collectors.toSet());
  }

  private static Set<String> names(KeyName[] keyNames) {
    return Stream.of(keyNames).map(KeyName::asString).collect(Collectors.toSet());
  }

  /** What a tracer would receive: stopped contexts and events. */
  private static final class Recorder implements ObservationHandler<Observation.Context> {
    final List<Observation.Context> stopped = new CopyOnWriteArrayList<>();
    final List<String> events = new CopyOnWriteArrayList<>();

    @Override
    public void onEvent(Observation.Event event, Observation.Context context) {
      events.add(event.getName() + " " + event.getContextualName());
    }

    @Override
    public void onStop(Observation.Context context) {
      stopped.add(context);
    }

    @Override
    public boolean supportsContext(Observation.Context context) {
      return true;
    }
  }
}
