package dev.faxreports.testkit;

import dev.faxreports.model.DataCenter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The faults a fake will produce: the next N calls of an operation or of a data center, added
 * latency, a data center that is down, a data center that rejects bulk requests naming unknown IDs,
 * and random faults from a seeded generator. Thread-safe.
 */
public final class FaultPlan {

  /** The next {@code remaining} calls matching a data center and operation (null: any) meet a fault. */
  private static final class Rule {
    final String dataCenter;
    final Operation operation;
    final Fault fault;
    int remaining;

    Rule(String dataCenter, Operation operation, Fault fault, int remaining) {
      this.dataCenter = dataCenter;
      this.operation = operation;
      this.fault = fault;
      this.remaining = requirePositive(remaining);
    }

    boolean matches(String dc, Operation op) {
      return (dataCenter == null || dataCenter.equals(dc)) && (operation == null || operation == op);
    }
  }

  private record RandomFaults(Random random, double probability, List<Fault> faults) {}

  private final List<Rule> rules = new ArrayList<>();
  private final Map<String, Duration> latency = new ConcurrentHashMap<>();
  private final Set<String> down = ConcurrentHashMap.newKeySet();
  private final Set<String> rejectsUnknownIds = ConcurrentHashMap.newKeySet();
  private final Map<String, FakeStore.DeleteMode> deleteModes = new ConcurrentHashMap<>();
  private final List<Consumer<String>> upDownListeners = new CopyOnWriteArrayList<>();
  private RandomFaults randomFaults;

  FaultPlan() {}

  /** The next {@code times} calls of {@code operation}, in any data center, meet {@code fault}. */
  public synchronized FaultPlan failNext(Operation operation, int times, Fault fault) {
    rules.add(new Rule(null, operation, fault, times));
    return this;
  }

  /** The next {@code times} calls of {@code operation} at {@code dataCenter} meet {@code fault}. */
  public synchronized FaultPlan failNext(DataCenter dataCenter, Operation operation, int times, Fault fault) {
    rules.add(new Rule(dataCenter.name(), operation, fault, times));
    return this;
  }

  /** The next {@code times} calls of any operation at {@code dataCenter} meet {@code fault}. */
  public synchronized FaultPlan failNextCalls(DataCenter dataCenter, int times, Fault fault) {
    rules.add(new Rule(dataCenter.name(), null, fault, times));
    return this;
  }

  /**
   * From now on, each call meets one of {@code faults} with {@code probability}, drawn from a
   * generator seeded with {@code seed} so that a failing run can be repeated.
   */
  public synchronized FaultPlan randomly(long seed, double probability, List<Fault> faults) {
    if (probability < 0 || probability > 1 || faults.isEmpty()) {
      throw new IllegalArgumentException("a probability in [0, 1] and at least one fault");
    }
    randomFaults = new RandomFaults(new Random(seed), probability, List.copyOf(faults));
    return this;
  }

  /** Every answer of {@code dataCenter} comes {@code delay} late. */
  public FaultPlan latency(DataCenter dataCenter, Duration delay) {
    latency.put(dataCenter.name(), delay);
    return this;
  }

  /** Connections to {@code dataCenter} are refused until {@link #up}. */
  public FaultPlan down(DataCenter dataCenter) {
    if (down.add(dataCenter.name())) {
      upDownListeners.forEach(listener -> listener.accept(dataCenter.name()));
    }
    return this;
  }

  public FaultPlan up(DataCenter dataCenter) {
    if (down.remove(dataCenter.name())) {
      upDownListeners.forEach(listener -> listener.accept(dataCenter.name()));
    }
    return this;
  }

  /**
   * {@code dataCenter} fails a whole bulk request with 404 when any of its IDs is unknown there,
   * as Retarus warns some data centers do.
   */
  public FaultPlan rejectUnknownIdsWith404(DataCenter dataCenter) {
    rejectsUnknownIds.add(dataCenter.name());
    return this;
  }

  /**
   * {@code dataCenter} answers bulk deletes with {@code deleted:true} and keeps the reports, so they
   * are listed again and again: a drain must stop it rather than export them forever.
   */
  public FaultPlan lyingDeletes(DataCenter dataCenter) {
    deleteModes.put(dataCenter.name(), FakeStore.DeleteMode.LYING);
    return this;
  }

  /**
   * {@code dataCenter} deletes, but its listing keeps showing the deleted reports (for the rest of
   * the fake's life); deleting them again answers NOT_FOUND. A drain must stop it rather than
   * export them forever.
   */
  public FaultPlan staleListing(DataCenter dataCenter) {
    deleteModes.put(dataCenter.name(), FakeStore.DeleteMode.STALE_LISTING);
    return this;
  }

  /** Forgets every fault. */
  public synchronized void clear() {
    rules.clear();
    latency.clear();
    rejectsUnknownIds.clear();
    deleteModes.clear();
    randomFaults = null;
    for (String name : List.copyOf(down)) {
      down.remove(name);
      upDownListeners.forEach(listener -> listener.accept(name));
    }
  }

  // ---- used by the fakes ----------------------------------------------------------------------

  /** The fault this call meets, if any; consumes one use of a counted rule. */
  synchronized Fault take(String dataCenter, Operation operation) {
    for (var pending = rules.iterator(); pending.hasNext(); ) {
      Rule rule = pending.next();
      if (rule.matches(dataCenter, operation)) {
        if (--rule.remaining == 0) {
          pending.remove(); // used up: long soaks must not scan dead rules
        }
        return rule.fault;
      }
    }
    if (randomFaults != null && randomFaults.random.nextDouble() < randomFaults.probability) {
      return randomFaults.faults.get(randomFaults.random.nextInt(randomFaults.faults.size()));
    }
    return null;
  }

  Duration latency(String dataCenter) {
    return latency.getOrDefault(dataCenter, Duration.ZERO);
  }

  boolean isDown(String dataCenter) {
    return down.contains(dataCenter);
  }

  boolean rejectsUnknownIds(String dataCenter) {
    return rejectsUnknownIds.contains(dataCenter);
  }

  FakeStore.DeleteMode deleteMode(String dataCenter) {
    return deleteModes.getOrDefault(dataCenter, FakeStore.DeleteMode.HONEST);
  }

  void onUpOrDown(Consumer<String> listener) {
    upDownListeners.add(listener);
  }

  void removeUpOrDownListener(Consumer<String> listener) {
    upDownListeners.remove(listener);
  }

  private static int requirePositive(int times) {
    if (times < 1) {
      throw new IllegalArgumentException("times must be at least 1");
    }
    return times;
  }
}
