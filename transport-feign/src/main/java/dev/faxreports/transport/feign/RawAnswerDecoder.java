package dev.faxreports.transport.feign;

import feign.Response;
import feign.codec.Decoder;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;

/** Hands a successful answer's bytes on undecoded: JSON is the wire module's business. */
final class RawAnswerDecoder implements Decoder {
  @Override
  public Object decode(Response response, Type type) throws IOException {
    if (response.body() == null) {
      return new RawAnswer(response.status(), new byte[0]);
    }
    try (InputStream body = response.body().asInputStream()) {
      return new RawAnswer(response.status(), body.readAllBytes());
    }
  }
}
