package dev.faxreports.transport.feign;

import feign.HeaderMap;
import feign.RequestLine;
import feign.Response;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The three HTTP shapes of the status-report API. The whole URI comes from the wire module,
 * already percent-encoded, as Feign's request target: Feign's path templating would encode a job
 * ID's {@code %} a second time (it ignores {@code @Param(encoded = true)} in paths). The headers
 * come from the wire module too. A {@link Response} is handed back whatever its status, so that
 * Feign neither decodes a body nor maps a status: the wire module does both.
 */
interface RetarusFaxApi {

  @RequestLine("GET")
  CompletableFuture<Response> get(URI target, @HeaderMap Map<String, String> headers);

  @RequestLine("DELETE")
  CompletableFuture<Response> delete(URI target, @HeaderMap Map<String, String> headers);

  @RequestLine("POST")
  CompletableFuture<Response> post(URI target, @HeaderMap Map<String, String> headers, byte[] body);
}
