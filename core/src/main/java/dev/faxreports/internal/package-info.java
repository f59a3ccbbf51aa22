/**
 * The machinery behind the facade, not API: fan-out over data centers ({@link
 * dev.faxreports.internal.FanOut}), retries with timeouts and a deadline ({@link
 * dev.faxreports.internal.RetryingCaller}), bulk chunking and narrowing ({@link
 * dev.faxreports.internal.BulkCalls}), the merge rules ({@link dev.faxreports.internal.Merge}), the
 * drain ({@link dev.faxreports.internal.Drainer}), input validation and the calls to observers.
 *
 * <p>Some types here are public only because the facade in {@code dev.faxreports} uses them from
 * another package. Nothing here carries a compatibility promise: names and signatures change
 * without notice. Use {@link dev.faxreports.FaxReports} and the types of its results instead; an
 * architecture test keeps every package but {@code dev.faxreports} away from this one, and no
 * public signature outside it names a type of it. (The same convention as OkHttp's {@code
 * okhttp3.internal}.)
 */
package dev.faxreports.internal;
