package dev.faxreports.support;

import dev.faxreports.port.FaxReportsTransport;
import dev.faxreports.port.FaxReportsTransportProvider;
import dev.faxreports.port.TransportSettings;
import java.util.concurrent.atomic.AtomicReference;

/** A transport provider that remembers the settings it was last given: what configuration reached. */
public final class RecordingProvider implements FaxReportsTransportProvider {

  private final String name;
  private final AtomicReference<TransportSettings> settings = new AtomicReference<>();

  public RecordingProvider(String name) {
    this.name = name;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public FaxReportsTransport create(TransportSettings given) {
    settings.set(given);
    return new ScriptedTransport();
  }

  /** The settings of the last transport created, or null. */
  public TransportSettings settings() {
    return settings.get();
  }
}
