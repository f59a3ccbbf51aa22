package dev.faxreports.cli.command;

import dev.faxreports.model.DataCenter;
import dev.faxreports.testkit.FakeFaxService;
import dev.faxreports.testkit.Fault;
import dev.faxreports.testkit.Operation;
import dev.faxreports.testkit.RecordedCall;
import java.util.List;
import java.util.Locale;

/**
 * A failure the demo makes its fake service answer once, and how it ended: the fake records every
 * call, so the retry that healed it is read from there, not guessed.
 */
record InjectedFault(DataCenter dataCenter, Operation operation, Fault fault, String answer) {

  /** "DE1 answers the first list with HTTP 503 Service Unavailable". */
  String describe() {
    return dataCenter.name() + " answers the first " + name() + " with " + answer;
  }

  /** "healed: DE1 list retried 0.2 s after its HTTP 503, and answered", or what happened instead. */
  String outcome(FakeFaxService fake) {
    List<RecordedCall> calls = fake.calls(dataCenter, operation);
    if (calls.size() < 2) {
      return "not healed: " + dataCenter.name() + " " + name() + " was called " + calls.size()
          + " time(s) and not retried";
    }
    double seconds = (calls.get(1).nanoTime() - calls.get(0).nanoTime()) / 1e9;
    return String.format(Locale.ROOT, "healed: %s %s retried %.1f s after its %s, and answered",
        dataCenter.name(), name(), seconds, answer);
  }

  private String name() {
    return operation.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
