package dev.faxreports.transport.feign;

import dev.faxreports.model.DataCenter;
import dev.faxreports.wire.HttpAnswers;
import dev.faxreports.wire.BoundedBody;
import feign.AsyncClient;
import feign.Request;
import java.io.IOException;
import java.net.ProtocolException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;

/**
 * Feign's {@link AsyncClient} on OkHttp, reading each answer into a {@link BoundedBody} as its
 * bytes arrive: at most {@code maxResponseBytes}, counted again after gzip inflation. Past the
 * limit the call is cancelled at once and its connection dropped, so a huge, endless or highly
 * compressed answer costs no more than the limit.
 *
 * <p>One instance per data center, so that errors name it; all share one OkHttp client's threads and
 * pool. The proxy's answers are {@link ProxyTunnels}'; a {@code 407} OkHttp sees comes from the data
 * center itself. OkHttp logs nothing by itself, so no header ever reaches a log.
 */
final class BoundedOkHttpClient implements AsyncClient<Object> {

  /** {@code application/json} as the service documents it, without a charset parameter (JSON is UTF-8). */
  private static final MediaType JSON = MediaType.get("application/json");
  private static final int CHUNK = 64 * 1024;
  /** Headers OkHttp sets itself. */
  private static final Set<String> MANAGED =
      Set.of("connection", "content-length", "host", "transfer-encoding", "content-type");

  private final OkHttpClient client;
  private final DataCenter dataCenter;
  private final long maxResponseBytes;
  private final Runnable answered;

  /** @param answered told of every answer the data center sends, whatever its status */
  BoundedOkHttpClient(OkHttpClient client, DataCenter dataCenter, long maxResponseBytes, Runnable answered) {
    this.client = client;
    this.dataCenter = dataCenter;
    this.maxResponseBytes = maxResponseBytes;
    this.answered = answered;
  }

  @Override
  public CompletableFuture<feign.Response> execute(Request request, Request.Options options, Optional<Object> context) {
    okhttp3.Request.Builder builder = new okhttp3.Request.Builder().url(request.url());
    // The wire module's headers, Accept-Encoding among them: since it is set, OkHttp's own
    // transparent gzip, which would inflate without a limit, stays out of the way.
    request.headers().forEach((name, values) -> {
      if (!MANAGED.contains(name.toLowerCase(Locale.ROOT))) {
        values.forEach(value -> builder.addHeader(name, value));
      }
    });
    byte[] body = request.body();
    boolean hasBody = body != null && body.length > 0;
    builder.method(request.httpMethod().name(), hasBody ? RequestBody.create(body, JSON) : null);
    CompletableFuture<feign.Response> answer = new CompletableFuture<>();
    // OkHttp's call timeout (the request timeout) bounds the whole exchange, body included.
    client.newCall(builder.build()).enqueue(new Callback() {
      @Override
      public void onFailure(Call failed, IOException error) {
        answer.completeExceptionally(isOrigin407(error)
            ? HttpAnswers.failure(dataCenter, 407, new byte[0], null, null) : error);
      }

      @Override
      public void onResponse(Call done, Response response) {
        try (response) {
          answered.run();
          answer.complete(toFeign(request, response, read(response)));
        } catch (IOException | RuntimeException e) {
          done.cancel();
          answer.completeExceptionally(e);
        }
      }
    });
    return answer;
  }

  /** The body, read chunk by chunk into a {@link BoundedBody}; fails as soon as it is too large. */
  private byte[] read(Response response) throws IOException {
    BoundedBody bounded = BoundedBody.of(dataCenter, response.code(), response.header("Content-Encoding"),
        maxResponseBytes);
    ResponseBody body = response.body();
    if (body != null) {
      BufferedSource source = body.source();
      Buffer chunk = new Buffer();
      while (source.read(chunk, CHUNK) != -1) {
        bounded.append(chunk.readByteArray());
      }
    }
    return bounded.finish();
  }

  /**
   * OkHttp's words for a 407 answer on a connection it believes direct (it handles proxies' 407s
   * itself, and the tunnels are ours): the data center's own answer, whose body OkHttp has closed.
   */
  private static boolean isOrigin407(IOException error) {
    return error instanceof ProtocolException && String.valueOf(error.getMessage()).contains("(407)");
  }

  private static feign.Response toFeign(Request request, Response response, byte[] body) {
    Map<String, Collection<String>> headers = new LinkedHashMap<>();
    for (String name : response.headers().names()) {
      String lower = name.toLowerCase(Locale.ROOT);
      // The body is decoded here: its encoding and wire length no longer describe it.
      if (!lower.equals("content-encoding") && !lower.equals("content-length")) {
        headers.put(name, List.copyOf(response.headers(name)));
      }
    }
    return feign.Response.builder()
        .request(request)
        .status(response.code())
        .reason(response.message())
        .headers(headers)
        .protocolVersion(Request.ProtocolVersion.HTTP_1_1)
        .body(body)
        .build();
  }
}
