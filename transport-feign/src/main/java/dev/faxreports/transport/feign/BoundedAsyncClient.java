package dev.faxreports.transport.feign;

import dev.faxreports.model.DataCenter;
import dev.faxreports.wire.BoundedBody;
import dev.faxreports.wire.BoundedBodyHandler;
import feign.AsyncClient;
import feign.Request;
import feign.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Feign's {@link AsyncClient} on the JDK HTTP client, reading each answer through a {@link
 * BoundedBodyHandler}: at most {@code maxResponseBytes}, counted as the bytes arrive and again
 * after gzip inflation, then handed to Feign as a byte array.
 *
 * <p>Why not {@code feign-java11}'s {@code Http2Client}: it hands Feign an input stream (gzip
 * inflated by a {@code GZIPInputStream}) that decoders read to its end, so a huge, endless or
 * highly compressed answer filled the heap — on the JDK client's own threads, which then died and
 * left the request hanging. Here nothing is read past the limit, and the JDK client closes the
 * connection of an answer it stopped reading.
 *
 * <p>One instance per data center, so that the error names it; all share one JDK client. Redirects
 * are the JDK client's business (it is built not to follow them); the read timeout bounds the wait
 * for the answer's head, as in {@code Http2Client}.
 */
final class BoundedAsyncClient implements AsyncClient<Object> {

  /** Headers the JDK client sets itself and refuses from callers. */
  private static final Set<String> RESTRICTED =
      Set.of("connection", "content-length", "expect", "host", "upgrade");

  private final HttpClient client;
  private final DataCenter dataCenter;
  private final long maxResponseBytes;

  BoundedAsyncClient(HttpClient client, DataCenter dataCenter, long maxResponseBytes) {
    this.client = client;
    this.dataCenter = dataCenter;
    this.maxResponseBytes = maxResponseBytes;
  }

  @Override
  public CompletableFuture<Response> execute(Request request, Request.Options options, Optional<Object> context) {
    HttpRequest sent;
    try {
      sent = toJdk(request, options);
    } catch (IllegalArgumentException badRequest) {
      return CompletableFuture.failedFuture(badRequest);
    }
    return client.sendAsync(sent, BoundedBodyHandler.of(dataCenter, maxResponseBytes))
        .thenApply(answer -> toFeign(request, answer));
  }

  private static HttpRequest toJdk(Request request, Request.Options options) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(request.url()))
        .timeout(Duration.ofMillis(options.readTimeoutMillis()));
    request.headers().forEach((name, values) -> {
      String lower = name.toLowerCase(Locale.ROOT);
      if (!RESTRICTED.contains(lower) && !lower.equals("accept-encoding")) {
        values.forEach(value -> builder.header(name, value));
      }
    });
    // Only what BoundedBody decodes, asked for by the code that decodes it.
    builder.header("Accept-Encoding", BoundedBody.ACCEPT_ENCODING);
    byte[] body = request.body();
    HttpRequest.BodyPublisher publisher = body == null || body.length == 0
        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body);
    return builder.method(request.httpMethod().name(), publisher).build();
  }

  private static Response toFeign(Request request, HttpResponse<byte[]> answer) {
    Map<String, Collection<String>> headers = new LinkedHashMap<>();
    answer.headers().map().forEach((name, values) -> {
      String lower = name.toLowerCase(Locale.ROOT);
      // The body is decoded already: its encoding and wire length no longer describe it.
      if (!lower.equals("content-encoding") && !lower.equals("content-length")) {
        headers.put(name, List.copyOf(values));
      }
    });
    return Response.builder()
        .request(request)
        .status(answer.statusCode())
        .headers(headers)
        .protocolVersion(answer.version() == HttpClient.Version.HTTP_2
            ? Request.ProtocolVersion.HTTP_2 : Request.ProtocolVersion.HTTP_1_1)
        .body(answer.body())
        .build();
  }
}
