package dev.faxreports.transport.vertx;

import dev.faxreports.model.DataCenter;
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
 *
 * @param status the answer's status
 * @param retryAfter its {@code Retry-After} header, or {@code null}
 * @param location its {@code Location} header, or {@code null}
 * @param body the body, inflated if it was compressed
 */
record BoundedResponse(int status, String retryAfter, String location, byte[] body) {

  static Future<BoundedResponse> read(HttpClientResponse response, DataCenter dataCenter, long maxBytes) {
    Promise<BoundedResponse> received = Promise.promise();
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
        received.tryComplete(new BoundedResponse(response.statusCode(), response.getHeader("Retry-After"),
            response.getHeader("Location"), body.finish()));
      } catch (RuntimeException unreadable) {
        received.tryFail(unreadable);
      }
    });
    return received.future();
  }
}
