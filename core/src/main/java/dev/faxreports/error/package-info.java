/**
 * One unchecked exception family, rooted at {@link dev.faxreports.error.FaxReportsException}. Every
 * failure a transport sees is mapped into it; no HTTP library's exception type escapes.
 */
package dev.faxreports.error;
