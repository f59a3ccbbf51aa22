package dev.faxreports.observe;

import dev.faxreports.error.FaxReportsException;
import dev.faxreports.model.DataCenter;

/**
 * Reports of an exported page could not be deleted; they come again in a later round or drain
 * (at-least-once).
 *
 * @param dataCenter where
 * @param round the data center's round, from 1
 * @param reports how many of the page's reports are still there
 * @param failure the failure of the whole delete, or {@code null} when the data center answered but
 *     refused some IDs
 */
public record DeleteFailed(DataCenter dataCenter, int round, int reports, FaxReportsException failure) {}
