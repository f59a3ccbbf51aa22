package dev.faxreports.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** Splits job IDs for bulk requests: each ID once, at most {@code size} per chunk. */
public final class Chunks {
  private Chunks() {}

  /** The IDs in first-seen order, each once. */
  public static List<String> distinct(List<String> jobIds) {
    return List.copyOf(new LinkedHashSet<>(jobIds));
  }

  /** Consecutive slices of at most {@code size} IDs; none for an empty list. */
  public static List<List<String>> of(List<String> ids, int size) {
    if (size < 1) {
      throw new IllegalArgumentException("chunk size must be at least 1");
    }
    List<List<String>> chunks = new ArrayList<>();
    for (int from = 0; from < ids.size(); from += size) {
      chunks.add(List.copyOf(ids.subList(from, Math.min(ids.size(), from + size))));
    }
    return chunks;
  }
}
