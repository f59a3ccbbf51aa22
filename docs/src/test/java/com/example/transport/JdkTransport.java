package com.example.transport;

import dev.faxreports.port.TransportSettings;
import dev.faxreports.wire.ApiAnswer;
import dev.faxreports.wire.ApiRequest;
import dev.faxreports.wire.BoundedBodyHandler;
import dev.faxreports.wire.HttpTransport;
import dev.faxreports.wire.RequestLog;
import java.lang.System.Logger.Level;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

// tag::transport[]
/**
 * The transport SPI on the JDK's HTTP client. It goes through no proxy: the JDK client sends Basic
 * credentials to a proxy for an HTTPS tunnel only when the whole JVM is reconfigured.
 */
public final class JdkTransport extends HttpTransport {

  private static final System.Logger LOG = System.getLogger(JdkTransport.class.getName());

  private final HttpClient client;

  JdkTransport(TransportSettings settings) {
    super(JdkTransportProvider.NAME, settings,   // the name goes into the User-Agent
        RequestLog.of(() -> LOG.isLoggable(Level.DEBUG), line -> LOG.log(Level.DEBUG, line)));
    if (settings.proxy() != null) {
      throw new IllegalArgumentException("the jdk transport does not go through a proxy");
    }
    client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(settings.connectTimeout())
        .sslContext(tls().sslContext())          // the settings' trust and key material
        .proxy(HttpClient.Builder.NO_PROXY)      // not the JVM's proxy properties
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  @Override
  protected CompletionStage<ApiAnswer> send(ApiRequest request) {
    HttpRequest.Builder http = HttpRequest.newBuilder(request.target())
        .method(request.method(), request.body() == null
            ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(request.body()));
    request.headers().forEach(http::header);
    return client.sendAsync(http.build(),        // counts and inflates the body within the limit
            BoundedBodyHandler.of(request.dataCenter(), settings().maxResponseBytes()))
        .orTimeout(settings().requestTimeout().toMillis(), TimeUnit.MILLISECONDS)  // body included
        .thenApply(response -> ApiAnswer.of(response.statusCode(), response.body(),
            name -> response.headers().firstValue(name).orElse(null)));
  }

  @Override
  protected void release() {
    // Java 17's HttpClient holds nothing to close; from Java 21 on, call client.close() here.
  }

  @Override
  public String toString() {
    return "JdkTransport[customerNumber=" + settings().customerNumber() + "]";
  }
}
// end::transport[]
