package dev.faxreports.transport.feign;

import dev.faxreports.model.Credentials;
import feign.RequestInterceptor;
import feign.RequestTemplate;
import java.util.List;

/** Adds Basic auth, the credentials encoded as UTF-8; never shows them in {@link #toString()}. */
final class BasicAuthInterceptor implements RequestInterceptor {
  private final String authorization;

  BasicAuthInterceptor(Credentials credentials) {
    this.authorization = credentials.basicAuthorization();
  }

  @Override
  public void apply(RequestTemplate template) {
    template.removeHeader("Authorization");
    template.header("Authorization", List.of(authorization));
  }

  @Override
  public String toString() {
    return "BasicAuthInterceptor[****]";
  }
}
