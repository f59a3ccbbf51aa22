package dev.faxreports.observe;

import dev.faxreports.model.DataCenter;
import java.time.Instant;

/**
 * A data center answered a listing (by {@code list()} or a drain): what is waiting there. A full
 * page (1000) means at least that many.
 *
 * @param dataCenter which
 * @param size how many reports it listed, 0–1000
 * @param oldestSentTs the earliest {@code sentTs} among them, or {@code null} when the page is empty
 *     or no report has one
 */
public record PageListed(DataCenter dataCenter, int size, Instant oldestSentTs) {}
