package dev.faxreports.wire;

import dev.faxreports.model.DataCenter;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.ResponseInfo;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A JDK HTTP client {@link BodyHandler} that reads an answer into a {@link BoundedBody}: the body
 * is counted as it arrives and, past {@code maxBytes}, the subscription is cancelled (the JDK
 * client then closes the connection) and the response fails with a {@link
 * dev.faxreports.error.ResponseTooLargeException}. Unlike {@code BodyHandlers.ofByteArray()} or an
 * input stream read to its end, no answer can fill the heap.
 */
public final class BoundedBodyHandler implements BodyHandler<byte[]> {

  private final DataCenter dataCenter;
  private final long maxBytes;

  private BoundedBodyHandler(DataCenter dataCenter, long maxBytes) {
    this.dataCenter = dataCenter;
    this.maxBytes = maxBytes;
  }

  /** Bodies of answers from {@code dataCenter}, at most {@code maxBytes} each, gzip inflated. */
  public static BoundedBodyHandler of(DataCenter dataCenter, long maxBytes) {
    return new BoundedBodyHandler(dataCenter, maxBytes);
  }

  @Override
  public BodySubscriber<byte[]> apply(ResponseInfo info) {
    return new Subscriber(BoundedBody.of(dataCenter, info.statusCode(),
        info.headers().firstValue("Content-Encoding").orElse(null), maxBytes));
  }

  /** Requests one list of buffers at a time, so the JDK client never races ahead of the count. */
  private static final class Subscriber implements BodySubscriber<byte[]> {
    private final BoundedBody body;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private Flow.Subscription subscription;

    Subscriber(BoundedBody body) {
      this.body = body;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription given) {
      subscription = given;
      given.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
      if (result.isDone()) {
        return; // cancelled: buffers already on their way are dropped
      }
      try {
        for (ByteBuffer buffer : buffers) {
          body.append(buffer);
        }
      } catch (RuntimeException tooLarge) {
        subscription.cancel();
        result.completeExceptionally(tooLarge);
        return;
      }
      subscription.request(1);
    }

    @Override
    public void onError(Throwable error) {
      result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
      try {
        result.complete(body.finish());
      } catch (RuntimeException unreadable) {
        result.completeExceptionally(unreadable);
      }
    }
  }
}
