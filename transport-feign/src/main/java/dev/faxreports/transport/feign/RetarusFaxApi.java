package dev.faxreports.transport.feign;

import feign.Headers;
import feign.RequestLine;
import java.net.URI;
import java.util.concurrent.CompletableFuture;

/**
 * The three HTTP shapes of the status-report API. The whole URI comes from the wire module,
 * already percent-encoded, as Feign's request target: Feign's path templating would encode a job
 * ID's {@code %} a second time (it ignores {@code @Param(encoded = true)} in paths).
 */
@Headers("Accept: application/json")
interface RetarusFaxApi {

  @RequestLine("GET")
  CompletableFuture<RawAnswer> get(URI target);

  @RequestLine("DELETE")
  CompletableFuture<RawAnswer> delete(URI target);

  @RequestLine("POST")
  @Headers("Content-Type: application/json")
  CompletableFuture<RawAnswer> post(URI target, byte[] body);
}
