package dev.faxreports.testkit;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * One HTTP request the fake server received, as it arrived.
 *
 * @param dataCenter the name of the data center whose port received it
 * @param method the HTTP method
 * @param rawPath the path as sent, still percent-encoded
 * @param headers the headers, names in lower case
 * @param body the request body
 */
public record RecordedRequest(
    String dataCenter, String method, String rawPath, Map<String, List<String>> headers, byte[] body) {

  public RecordedRequest {
    headers = Map.copyOf(headers);
    body = body.clone();
  }

  /** The first value of a header, or {@code null}. */
  public String header(String name) {
    List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** Never shows the Authorization header's value: tests print records, logs keep them. */
  @Override
  public String toString() {
    return "RecordedRequest[" + dataCenter + " " + method + " " + rawPath + "]";
  }
}
