package dev.faxreports.kafka;

import java.util.ArrayList;
import java.util.List;

/** Deals pairs out to tasks: each pair to exactly one task, the tasks' shares differing by at most one. */
final class PairAssignment {

  private PairAssignment() {}

  /**
   * At most {@code maxTasks} non-empty shares. Round robin over the configuration order, so the data
   * centers of one account land on different tasks — and, spread over workers, on different
   * machines — whenever there are tasks enough.
   */
  static List<List<Pair>> spread(List<Pair> pairs, int maxTasks) {
    if (maxTasks < 1) {
      throw new IllegalArgumentException("tasks.max must be at least 1, was " + maxTasks);
    }
    int tasks = Math.min(maxTasks, pairs.size());
    List<List<Pair>> shares = new ArrayList<>();
    for (int i = 0; i < tasks; i++) {
      shares.add(new ArrayList<>());
    }
    for (int i = 0; i < pairs.size(); i++) {
      shares.get(i % tasks).add(pairs.get(i));
    }
    return shares.stream().map(List::copyOf).toList();
  }
}
