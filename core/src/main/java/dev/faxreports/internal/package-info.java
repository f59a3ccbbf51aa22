/**
 * The facade's machinery: retries and timeouts, fan-out, chunking and narrowing, merging, drain.
 * Not API: may change in any release.
 */
package dev.faxreports.internal;
