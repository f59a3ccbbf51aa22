package dev.faxreports.internal;

import java.util.Arrays;

/**
 * A set of longs in one array (open addressing, linear probing): 16 bytes per entry at most, where
 * a {@code HashSet<String>} of job IDs costs about a hundred. Not thread-safe.
 */
final class LongSet {
  private static final long EMPTY = 0L; // zero is stored apart, so the array needs no second marker

  private long[] slots = new long[64];
  private int size;
  private boolean hasZero;

  /** Adds {@code value}; whether it was new. */
  boolean add(long value) {
    if (value == EMPTY) {
      boolean added = !hasZero;
      hasZero = true;
      return added;
    }
    if ((size + 1) * 2 > slots.length) {
      grow();
    }
    int mask = slots.length - 1;
    for (int i = mix(value) & mask; ; i = (i + 1) & mask) {
      if (slots[i] == value) {
        return false;
      }
      if (slots[i] == EMPTY) {
        slots[i] = value;
        size++;
        return true;
      }
    }
  }

  boolean contains(long value) {
    if (value == EMPTY) {
      return hasZero;
    }
    int mask = slots.length - 1;
    for (int i = mix(value) & mask; slots[i] != EMPTY; i = (i + 1) & mask) {
      if (slots[i] == value) {
        return true;
      }
    }
    return false;
  }

  private void grow() {
    long[] old = slots;
    slots = new long[old.length * 2];
    size = 0;
    Arrays.stream(old).filter(v -> v != EMPTY).forEach(this::add);
  }

  private static int mix(long value) {
    long h = value * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }
}
