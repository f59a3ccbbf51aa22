package dev.faxreports.transport.feign;

import dev.faxreports.error.ProxyAuthenticationException;
import dev.faxreports.model.DataCenter;
import dev.faxreports.port.ProxySettings;
import dev.faxreports.wire.BoundedBody;
import feign.AsyncClient;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.hc.client5.http.async.methods.AbstractBinResponseConsumer;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.nio.support.AsyncRequestBuilder;
import org.apache.hc.core5.util.Timeout;

/**
 * Feign's {@link AsyncClient} on Apache HttpClient 5, reading each answer into a {@link
 * BoundedBody} as its bytes arrive: at most {@code maxResponseBytes}, counted again after gzip
 * inflation. Past the limit the exchange fails at once and its connection is dropped, so a huge,
 * endless or highly compressed answer costs no more than the limit.
 *
 * <p>One instance per data center, so that errors name it; all share one HTTP client. A {@code
 * 407} from the proxy — on a tunnel or a plain request — is a {@link ProxyAuthenticationException}
 * naming the proxy.
 */
final class BoundedApacheClient implements AsyncClient<Object> {

  /** {@code application/json} as the service documents it, without a charset parameter (JSON is UTF-8). */
  private static final ContentType JSON = ContentType.create("application/json", (java.nio.charset.Charset) null);

  /** Headers the HTTP client sets itself. */
  private static final Set<String> MANAGED = Set.of("connection", "content-length", "host", "transfer-encoding",
      "accept-encoding", "content-type");

  private final CloseableHttpAsyncClient client;
  private final DataCenter dataCenter;
  private final long maxResponseBytes;
  private final ProxySettings proxy;

  BoundedApacheClient(CloseableHttpAsyncClient client, DataCenter dataCenter, long maxResponseBytes, ProxySettings proxy) {
    this.client = client;
    this.dataCenter = dataCenter;
    this.maxResponseBytes = maxResponseBytes;
    this.proxy = proxy;
  }

  @Override
  public CompletableFuture<Response> execute(Request request, Request.Options options, Optional<Object> context) {
    AsyncRequestBuilder builder = AsyncRequestBuilder.create(request.httpMethod().name()).setUri(request.url());
    request.headers().forEach((name, values) -> {
      if (!MANAGED.contains(name.toLowerCase(Locale.ROOT))) {
        values.forEach(value -> builder.addHeader(name, value));
      }
    });
    // Only what BoundedBody decodes, asked for by the code that decodes it.
    builder.addHeader("Accept-Encoding", BoundedBody.ACCEPT_ENCODING);
    byte[] body = request.body();
    if (body != null && body.length > 0) {
      builder.setEntity(body, JSON);
    }
    HttpClientContext exchange = HttpClientContext.create();
    exchange.setRequestConfig(RequestConfig.custom()
        .setRedirectsEnabled(false)
        .setResponseTimeout(Timeout.ofMilliseconds(options.readTimeoutMillis()))
        .build());
    CompletableFuture<Response> answer = new CompletableFuture<>();
    client.execute(builder.build(), new BoundedConsumer(), null, exchange, new FutureCallback<Received>() {
      @Override
      public void completed(Received received) {
        if (received.status() == 407) {
          answer.completeExceptionally(proxyRefused());
        } else {
          answer.complete(toFeign(request, received));
        }
      }

      @Override
      public void failed(Exception error) {
        answer.completeExceptionally(isTunnelRefused(error) ? proxyRefused() : error);
      }

      @Override
      public void cancelled() {
        answer.cancel(false);
      }
    });
    return answer;
  }

  private ProxyAuthenticationException proxyRefused() {
    String where = proxy == null ? "(none configured)" : proxy.uri().toString();
    return new ProxyAuthenticationException(dataCenter, where, proxy != null && proxy.credentials() != null);
  }

  /** A CONNECT the proxy answered with 407 after the credentials, if any, were tried. */
  private static boolean isTunnelRefused(Exception error) {
    String message = String.valueOf(error.getMessage());
    return error.getClass().getSimpleName().equals("TunnelRefusedException") && message.contains("407");
  }

  private static Response toFeign(Request request, Received received) {
    return Response.builder()
        .request(request)
        .status(received.status())
        .headers(received.headers())
        .protocolVersion(Request.ProtocolVersion.HTTP_1_1)
        .body(received.body())
        .build();
  }

  /** An answer as read: status, headers (those describing the encoded body dropped), inflated body. */
  private record Received(int status, Map<String, Collection<String>> headers, byte[] body) {}

  /** Collects the answer into a {@link BoundedBody}, failing the exchange past the limit. */
  private final class BoundedConsumer extends AbstractBinResponseConsumer<Received> {
    private int status;
    private Map<String, Collection<String>> headers;
    private BoundedBody body;
    private byte[] finished;

    @Override
    protected void start(HttpResponse response, ContentType contentType) throws HttpException, IOException {
      status = response.getCode();
      headers = new LinkedHashMap<>();
      for (Header header : response.getHeaders()) {
        String lower = header.getName().toLowerCase(Locale.ROOT);
        // The body is decoded here: its encoding and wire length no longer describe it.
        if (!lower.equals("content-encoding") && !lower.equals("content-length")) {
          headers.computeIfAbsent(header.getName(), name -> new ArrayList<>()).add(header.getValue());
        }
      }
      Header encoding = response.getFirstHeader("Content-Encoding");
      body = BoundedBody.of(dataCenter, status, encoding == null ? null : encoding.getValue(), maxResponseBytes);
    }

    @Override
    protected int capacityIncrement() {
      return 64 * 1024;
    }

    @Override
    protected void data(ByteBuffer data, boolean endOfStream) throws IOException {
      try {
        body.append(data);
        if (endOfStream) {
          finished = body.finish(); // inflates, bounded again
        }
      } catch (RuntimeException tooLargeOrUnreadable) {
        // Fails the exchange and drops its connection; the core exception travels as the cause.
        throw new IOException(tooLargeOrUnreadable.getMessage(), tooLargeOrUnreadable);
      }
    }

    @Override
    protected Received buildResult() {
      byte[] bytes = finished != null ? finished : body == null ? new byte[0] : body.finish(); // no body at all
      return new Received(status, headers, bytes);
    }

    @Override
    public void releaseResources() {
      body = null;
    }
  }
}
