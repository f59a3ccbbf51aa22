package dev.faxreports.transport.feign;

import dev.faxreports.model.DataCenter;
import dev.faxreports.wire.HttpAnswers;
import feign.Response;
import feign.codec.ErrorDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;

/** Every non-2xx status as the core exception family, with the server's code and message. */
final class StatusErrorDecoder implements ErrorDecoder {
  private final DataCenter dataCenter;

  StatusErrorDecoder(DataCenter dataCenter) {
    this.dataCenter = dataCenter;
  }

  @Override
  public Exception decode(String methodKey, Response response) {
    return HttpAnswers.failure(dataCenter, response.status(), body(response),
        header(response, "Retry-After"), header(response, "Location"));
  }

  private static byte[] body(Response response) {
    if (response.body() == null) {
      return new byte[0];
    }
    try (InputStream in = response.body().asInputStream()) {
      return in.readAllBytes();
    } catch (IOException unreadable) {
      return new byte[0]; // the status alone still says what went wrong
    }
  }

  private static String header(Response response, String name) {
    for (var entry : response.headers().entrySet()) {
      if (entry.getKey() != null && entry.getKey().equalsIgnoreCase(name)) {
        Collection<String> values = entry.getValue();
        return values.isEmpty() ? null : values.iterator().next();
      }
    }
    return null;
  }
}
