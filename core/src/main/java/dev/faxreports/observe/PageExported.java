package dev.faxreports.observe;

import dev.faxreports.model.DataCenter;

/**
 * The handler returned normally for a page: its reports are stored, and will now be deleted.
 *
 * @param dataCenter where the reports live
 * @param round the data center's round, from 1
 * @param reports how many reports the page had
 */
public record PageExported(DataCenter dataCenter, int round, int reports) {}
