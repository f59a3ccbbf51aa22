package dev.faxreports.micrometer;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The observations {@link MicrometerObserver} makes, with their key names and cardinality — in
 * Micrometer's documented form, so tools that read {@link ObservationDocumentation} enums (and
 * readers) find them in one place. Each observation's name, contextual name and key values come
 * from its convention: the default one unless you pass your own to the builder or register a
 * {@code GlobalObservationConvention}.
 */
public enum FaxReportsObservation implements ObservationDocumentation {

  /**
   * One attempt of a request (retries are attempts), named {@value FaxReportsMeters#REQUEST_OBSERVATION}
   * with the contextual name {@code faxreports <operation>}; a failed attempt carries its failure as
   * the error.
   */
  REQUEST {
    @Override
    public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
      return DefaultFaxReportsRequestObservationConvention.class;
    }

    @Override
    public KeyName[] getLowCardinalityKeyNames() {
      return RequestLowCardinalityKeyNames.values();
    }

    @Override
    public KeyName[] getHighCardinalityKeyNames() {
      return RequestHighCardinalityKeyNames.values();
    }
  },

  /**
   * One drain, named {@value FaxReportsMeters#DRAIN_OBSERVATION} with the contextual name {@code
   * faxreports drain}; a drain that failed as a whole carries the failure as the error. Request
   * observations are not its children: they start on transport and timer threads.
   */
  DRAIN {
    @Override
    public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
      return DefaultFaxReportsDrainObservationConvention.class;
    }

    @Override
    public KeyName[] getLowCardinalityKeyNames() {
      return DrainLowCardinalityKeyNames.values();
    }

    @Override
    public KeyName[] getHighCardinalityKeyNames() {
      return DrainHighCardinalityKeyNames.values();
    }

    @Override
    public Observation.Event[] getEvents() {
      return DrainEvents.values();
    }
  };

  /** Low-cardinality keys of {@link #REQUEST}: the same tags as the {@code faxreports.requests} timer. */
  public enum RequestLowCardinalityKeyNames implements KeyName {
    /** The data center's name, e.g. {@code DE1}. */
    DATA_CENTER(FaxReportsMeters.DATA_CENTER),
    /** {@code list}, {@code get}, {@code bulk.get}, {@code bulk.delete}, {@code delete}, {@code delete.oldest}. */
    OPERATION(FaxReportsMeters.OPERATION),
    /** How the attempt ended, e.g. {@code success} or {@code server.error}; from its stop. */
    OUTCOME(FaxReportsMeters.OUTCOME),
    /** The HTTP status, or {@code none} without an answer; from its stop. */
    STATUS(FaxReportsMeters.STATUS);

    private final String key;

    RequestLowCardinalityKeyNames(String key) {
      this.key = key;
    }

    @Override
    public String asString() {
      return key;
    }
  }

  /** High-cardinality keys of {@link #REQUEST}: span attributes, never tags. */
  public enum RequestHighCardinalityKeyNames implements KeyName {
    /** 1 for the first try, 2 for the first retry, … */
    ATTEMPT("attempt"),
    /** The answer body's size as decoded, when the transport reports it. */
    RESPONSE_BYTES("response.bytes");

    private final String key;

    RequestHighCardinalityKeyNames(String key) {
      this.key = key;
    }

    @Override
    public String asString() {
      return key;
    }
  }

  /** Low-cardinality keys of {@link #DRAIN}. */
  public enum DrainLowCardinalityKeyNames implements KeyName {
    /** How many data centers the drain drains at once. */
    DATA_CENTERS("data.centers"),
    /** How many of them stopped early; from its stop. */
    FAILED_DATA_CENTERS("failed.data.centers");

    private final String key;

    DrainLowCardinalityKeyNames(String key) {
      this.key = key;
    }

    @Override
    public String asString() {
      return key;
    }
  }

  /** High-cardinality keys of {@link #DRAIN}. */
  public enum DrainHighCardinalityKeyNames implements KeyName {
    /** Reports handed to the handler, in every data center; from its stop. */
    REPORTS_EXPORTED("reports.exported");

    private final String key;

    DrainHighCardinalityKeyNames(String key) {
      this.key = key;
    }

    @Override
    public String asString() {
      return key;
    }
  }

  /**
   * Events of {@link #DRAIN}; the contextual name is a format filled with the data center, the
   * round and the number of reports ({@code DE1 round 3: 500 reports}).
   */
  public enum DrainEvents implements Observation.Event {
    /** The handler stored a page. */
    PAGE_EXPORTED("faxreports.page.exported"),
    /** Reports of an exported page are still at the service; they come again. */
    DELETE_FAILED("faxreports.delete.failed");

    private final String name;

    DrainEvents(String name) {
      this.name = name;
    }

    @Override
    public String getName() {
      return name;
    }

    @Override
    public String getContextualName() {
      return "%s round %d: %d reports";
    }
  }
}
