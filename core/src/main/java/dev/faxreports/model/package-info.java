/**
 * Immutable values of the Retarus Fax status-report API: reports, recipient statuses, deletion
 * results, data centers and regions. Records only; no behaviour beyond validation.
 */
package dev.faxreports.model;
