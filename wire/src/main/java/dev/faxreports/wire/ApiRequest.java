package dev.faxreports.wire;

import dev.faxreports.model.DataCenter;
import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One HTTP request of the v1 API, ready to send as it is: what {@link HttpTransport} hands its
 * subclass for every port call. The target is absolute and already percent-encoded; the headers
 * are all the request needs (Basic auth, {@code Accept}, {@code Accept-Encoding: gzip}, the {@code
 * User-Agent}, and {@code Content-Type} when there is a body).
 *
 * @param dataCenter the data center addressed, for errors and per-data-center choices (a proxy)
 * @param method {@code GET}, {@code DELETE} or {@code POST}
 * @param target the absolute URI
 * @param headers name to value, in the order to send them; never logged
 * @param body the JSON body of a {@code POST}, else {@code null}
 */
public record ApiRequest(DataCenter dataCenter, String method, URI target, Map<String, String> headers, byte[] body) {

  public ApiRequest {
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
  }

  /** Method and target only: the headers carry the credentials. */
  @Override
  public String toString() {
    return "ApiRequest[" + method + " " + target + "]";
  }
}
