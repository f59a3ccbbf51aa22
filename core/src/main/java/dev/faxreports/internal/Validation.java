package dev.faxreports.internal;

import dev.faxreports.error.InvalidArgumentException;
import java.util.Collection;
import java.util.List;

/**
 * Checks user input before any request is sent. Job IDs and customer numbers become URL path
 * segments, so beyond being non-blank they are held to the URL's unreserved characters: nothing
 * that could address another resource ({@code /}, {@code ..}, {@code %2F}) gets through, however
 * a transport encodes.
 */
public final class Validation {

  /** Longer than any real job ID (Retarus uses 22 characters); a bound against abuse. */
  public static final int MAX_JOB_ID_LENGTH = 128;

  public static final int MAX_CUSTOMER_NUMBER_LENGTH = 64;

  private Validation() {}

  public static String requireJobId(String jobId) {
    return requireSegment(jobId, "job ID", MAX_JOB_ID_LENGTH);
  }

  public static String requireCustomerNumber(String customerNumber) {
    return requireSegment(customerNumber, "customer number", MAX_CUSTOMER_NUMBER_LENGTH);
  }

  /** Every ID valid, the collection itself not null; the first bad one is named. */
  public static List<String> requireJobIds(Collection<String> jobIds) {
    if (jobIds == null) {
      throw new InvalidArgumentException("the job ID list must not be null");
    }
    int index = 0;
    for (String jobId : jobIds) {
      try {
        requireJobId(jobId);
      } catch (InvalidArgumentException e) {
        throw new InvalidArgumentException("job ID #" + (index + 1) + ": " + e.getMessage());
      }
      index++;
    }
    return List.copyOf(jobIds);
  }

  private static String requireSegment(String value, String what, int maxLength) {
    if (value == null) {
      throw new InvalidArgumentException(what + " must not be null");
    }
    if (value.isBlank()) {
      throw new InvalidArgumentException(what + " must not be blank");
    }
    if (value.length() > maxLength) {
      throw new InvalidArgumentException(
          what + " is " + value.length() + " characters long; at most " + maxLength + " are allowed");
    }
    if (value.equals(".") || value.equals("..")) {
      throw new InvalidArgumentException(what + " must not be '" + value + "'");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (!isUnreserved(c)) {
        throw new InvalidArgumentException(
            what + " '" + printable(value) + "' contains " + describe(c)
                + "; allowed are letters, digits and - . _ ~");
      }
    }
    return value;
  }

  private static boolean isUnreserved(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
        || c == '-' || c == '.' || c == '_' || c == '~';
  }

  private static String describe(char c) {
    return Character.isISOControl(c) || Character.isWhitespace(c)
        ? String.format("the control or space character U+%04X", (int) c)
        : "'" + c + "'";
  }

  /** The value with control characters escaped, safe to put in a message or a log line. */
  private static String printable(String value) {
    StringBuilder out = new StringBuilder();
    value.codePoints().limit(40).forEach(cp -> {
      if (Character.isISOControl(cp)) {
        out.append(String.format("\\u%04X", cp));
      } else {
        out.appendCodePoint(cp);
      }
    });
    return value.length() > 40 ? out + "…" : out.toString();
  }
}
