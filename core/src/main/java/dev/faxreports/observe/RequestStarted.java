package dev.faxreports.observe;

import dev.faxreports.model.DataCenter;

/**
 * One attempt of a request is about to be sent.
 *
 * @param dataCenter where it goes
 * @param operation what it asks
 * @param attempt 1 for the first try, 2 for the first retry, …
 */
public record RequestStarted(DataCenter dataCenter, Operation operation, int attempt) {}
