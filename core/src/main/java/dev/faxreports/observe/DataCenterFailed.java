package dev.faxreports.observe;

import dev.faxreports.error.FaxReportsException;
import dev.faxreports.model.DataCenter;

/**
 * A call to one data center failed for good: retries spent, not retryable, or out of deadline. A
 * 404 is not a failure here — it is how a data center says it does not have a job.
 *
 * @param dataCenter which
 * @param operation what was asked
 * @param attempts how many attempts were made
 * @param reason the kind of the last failure
 * @param failure the failure the call ends with
 */
public record DataCenterFailed(
    DataCenter dataCenter, Operation operation, int attempts, Outcome reason, FaxReportsException failure) {}
