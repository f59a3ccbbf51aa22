package dev.faxreports.model;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What happened to the fax for one recipient.
 *
 * @param number the recipient's number as submitted
 * @param properties personalized cover-page data; empty when the server sent {@code null} or none
 * @param status the outcome code, an open value (unknown codes are kept)
 * @param reason the server's explanation of the status
 * @param sentTs when the fax was sent, or {@code null} when not sent; see {@link #sentAt()}
 * @param durationInSecs transmission time in seconds
 * @param sentToNumber the number actually dialled, or {@code null}
 * @param remoteCsid the recipient's fax ID, or {@code null}
 */
public record RecipientStatus(
    String number,
    List<CoverPageProperty> properties,
    FaxStatus status,
    String reason,
    Instant sentTs,
    int durationInSecs,
    String sentToNumber,
    String remoteCsid) {

  public RecipientStatus {
    properties = properties == null ? List.of() : List.copyOf(properties);
  }

  /** The send time if the fax was sent; empty is different from any real instant. */
  public Optional<Instant> sentAt() {
    return Optional.ofNullable(sentTs);
  }

  /** A minimal status for tests and seeding. */
  public static RecipientStatus of(String number, FaxStatus status, Instant sentTs) {
    return new RecipientStatus(
        number, List.of(), status, status == null ? null : status.code(), sentTs, 0, null, null);
  }
}
