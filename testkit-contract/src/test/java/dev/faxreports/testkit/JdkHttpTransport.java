package dev.faxreports.testkit;

import dev.faxreports.model.DataCenter;
import dev.faxreports.model.DeletionResult;
import dev.faxreports.model.FaxReport;
import dev.faxreports.port.FaxReportsTransport;
import dev.faxreports.port.FaxReportsTransportProvider;
import dev.faxreports.port.TransportSettings;
import dev.faxreports.wire.ApiPaths;
import dev.faxreports.wire.BulkAction;
import dev.faxreports.wire.BoundedBody;
import dev.faxreports.wire.BoundedBodyHandler;
import dev.faxreports.wire.BulkRequest;
import dev.faxreports.wire.HttpAnswers;
import dev.faxreports.wire.WireFormat;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * A minimal transport on the JDK's HTTP client, for the testkit's own tests only: it checks the
 * HTTP fake server against the contract before any real transport exists. Even here answers are
 * bounded and gzip decoded ({@link BoundedBodyHandler}): the contract's hostile cases run against
 * it too.
 */
final class JdkHttpTransport implements FaxReportsTransport {

  static final FaxReportsTransportProvider PROVIDER = new FaxReportsTransportProvider() {
    @Override
    public String name() {
      return "jdk-test";
    }

    @Override
    public FaxReportsTransport create(TransportSettings settings) {
      return new JdkHttpTransport(settings);
    }
  };

  private final TransportSettings settings;
  private final HttpClient client;

  JdkHttpTransport(TransportSettings settings) {
    this.settings = settings;
    this.client = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER).build();
  }

  @Override
  public CompletionStage<List<FaxReport>> listOldest(DataCenter dc) {
    return send(dc, request(dc, ApiPaths.reports(settings.customerNumber())).GET(), WireFormat::readReports);
  }

  @Override
  public CompletionStage<List<DeletionResult>> deleteOldest(DataCenter dc) {
    return send(dc, request(dc, ApiPaths.reports(settings.customerNumber())).DELETE(), WireFormat::readDeletions);
  }

  @Override
  public CompletionStage<FaxReport> fetch(DataCenter dc, String jobId) {
    return send(dc, request(dc, ApiPaths.report(settings.customerNumber(), jobId)).GET(), WireFormat::readReport);
  }

  @Override
  public CompletionStage<DeletionResult> delete(DataCenter dc, String jobId) {
    return send(dc, request(dc, ApiPaths.report(settings.customerNumber(), jobId)).DELETE(),
        body -> WireFormat.readDeletion(body, jobId));
  }

  @Override
  public CompletionStage<List<FaxReport>> bulkGet(DataCenter dc, List<String> jobIds) {
    return send(dc, bulk(dc, BulkAction.GET, jobIds), WireFormat::readReports);
  }

  @Override
  public CompletionStage<List<DeletionResult>> bulkDelete(DataCenter dc, List<String> jobIds) {
    return send(dc, bulk(dc, BulkAction.DELETE, jobIds), WireFormat::readDeletions);
  }

  @Override
  public void close() {}

  private HttpRequest.Builder bulk(DataCenter dc, BulkAction action, List<String> jobIds) {
    return request(dc, ApiPaths.reports(settings.customerNumber()))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(WireFormat.writeBulkRequest(new BulkRequest(action, jobIds))));
  }

  private HttpRequest.Builder request(DataCenter dc, String path) {
    return HttpRequest.newBuilder(ApiPaths.at(dc, path))
        .timeout(settings.requestTimeout())
        .header("Authorization", settings.credentials().basicAuthorization())
        .header("Accept", "application/json")
        .header("Accept-Encoding", BoundedBody.ACCEPT_ENCODING);
  }

  private <T> CompletionStage<T> send(DataCenter dc, HttpRequest.Builder request, Function<byte[], T> reader) {
    return client.sendAsync(request.build(), BoundedBodyHandler.of(dc, settings.maxResponseBytes()))
        .handle((response, error) -> {
          if (error != null) {
            throw HttpAnswers.noAnswer(dc, error, settings.requestTimeout());
          }
          int status = response.statusCode();
          if (!HttpAnswers.isSuccess(status)) {
            throw HttpAnswers.failure(dc, status, response.body(),
                response.headers().firstValue("Retry-After").orElse(null),
                response.headers().firstValue("Location").orElse(null));
          }
          return HttpAnswers.decode(dc, status, response.body(), reader);
        });
  }
}
