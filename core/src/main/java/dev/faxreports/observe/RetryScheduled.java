package dev.faxreports.observe;

import dev.faxreports.error.FaxReportsException;
import dev.faxreports.model.DataCenter;
import java.time.Duration;

/**
 * A failed attempt will be tried again after {@code delay}.
 *
 * @param dataCenter where
 * @param operation what
 * @param nextAttempt the number of the attempt that is scheduled (2 for the first retry)
 * @param delay the backoff before it (at least the server's {@code Retry-After})
 * @param reason the kind of the failure that caused it
 * @param cause that failure
 */
public record RetryScheduled(
    DataCenter dataCenter, Operation operation, int nextAttempt, Duration delay, Outcome reason,
    FaxReportsException cause) {}
