package dev.faxreports.observe;

import dev.faxreports.model.DataCenter;

/**
 * The delete after a page answered: these of its reports are gone from the service.
 *
 * @param dataCenter where
 * @param round the data center's round, from 1
 * @param deleted reports this drain deleted
 * @param alreadyGone reports whose delete answered NOT_FOUND (gone, but not by this drain)
 */
public record PageAcknowledged(DataCenter dataCenter, int round, long deleted, long alreadyGone) {}
