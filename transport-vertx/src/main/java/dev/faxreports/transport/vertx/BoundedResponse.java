package dev.faxreports.transport.vertx;

import dev.faxreports.model.DataCenter;
import dev.faxreports.wire.ApiAnswer;
import dev.faxreports.wire.BoundedBody;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpClientResponse;

/**
 * One answer read into a {@link BoundedBody}, chunk by chunk on the event loop. Past the limit the
 * request is reset — which closes its HTTP/1.1 connection, so the rest of a huge or endless body is
 * never read — and the future fails with the {@link dev.faxreports.error.ResponseTooLargeException}.
 * Netty's own decompression stays off: it would inflate each chunk whole before anything here
 * could count it, and a gzip bomb's chunk inflates a thousandfold; {@link BoundedBody} inflates
 * with a limit instead.
 */
final class BoundedResponse {
  private BoundedResponse() {}

  /** The answer, whatever its status, its body inflated if it was compressed. */
  static Future<ApiAnswer> read(HttpClientResponse response, DataCenter dataCenter, long maxBytes) {
    Promise<ApiAnswer> received = Promise.promise();
    BoundedBody body = BoundedBody.of(dataCenter, response.statusCode(),
        response.getHeader("Content-Encoding"), maxBytes);
    response.handler(chunk -> {
      if (received.future().isComplete()) {
        return; // given up on: chunks already decoded before the reset are dropped
      }
      try {
        body.append(chunk.getBytes());
      } catch (RuntimeException tooLarge) {
        received.tryFail(tooLarge);
        response.request().reset(0, tooLarge);
      }
    });
    response.exceptionHandler(received::tryFail);
    response.endHandler(end -> {
      try {
        received.tryComplete(ApiAnswer.of(response.statusCode(), body.finish(), response::getHeader));
      } catch (RuntimeException unreadable) {
        received.tryFail(unreadable);
      }
    });
    return received.future();
  }
}
