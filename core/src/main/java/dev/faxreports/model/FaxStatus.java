package dev.faxreports.model;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A recipient's transmission status. An open value: the known codes are constants, and a code
 * this library does not know yet is kept as it came instead of being rejected.
 */
public record FaxStatus(String code) {

  /** All pages were delivered. */
  public static final FaxStatus OK = new FaxStatus("OK");
  /** The destination was busy. */
  public static final FaxStatus BUSY = new FaxStatus("BUSY");
  /** The call was answered by a person, an answering machine or a modem. */
  public static final FaxStatus NOFAX = new FaxStatus("NOFAX");
  /** The recipient hung up before a fax connection was made. */
  public static final FaxStatus NOFAX_DIS = new FaxStatus("NOFAX_DIS");
  /** The call was accepted but no fax signal came. */
  public static final FaxStatus NOFAX_TO = new FaxStatus("NOFAX_TO");
  /** Nobody answered before the ring timeout. */
  public static final FaxStatus RING_TO = new FaxStatus("RING_TO");

  private static final Map<String, FaxStatus> KNOWN =
      Stream.of(OK, BUSY, NOFAX, NOFAX_DIS, NOFAX_TO, RING_TO)
          .collect(Collectors.toUnmodifiableMap(FaxStatus::code, Function.identity()));

  public FaxStatus {
    if (code == null || code.isBlank()) {
      throw new IllegalArgumentException("a fax status code must not be blank");
    }
  }

  /** The constant for a known code, else a new value that keeps the code as it came. */
  public static FaxStatus of(String code) {
    FaxStatus known = code == null ? null : KNOWN.get(code);
    return known != null ? known : new FaxStatus(code);
  }

  /** Whether this is one of the codes this version of the library names. */
  public boolean isKnown() {
    return KNOWN.containsKey(code);
  }

  /** Whether the fax reached this recipient. */
  public boolean isDelivered() {
    return OK.equals(this);
  }

  @Override
  public String toString() {
    return code;
  }
}
