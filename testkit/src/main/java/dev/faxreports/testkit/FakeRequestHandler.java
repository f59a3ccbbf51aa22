package dev.faxreports.testkit;

import com.sun.net.httpserver.HttpExchange;
import dev.faxreports.model.Credentials;
import dev.faxreports.model.DeletionResult;
import dev.faxreports.model.FaxReport;
import dev.faxreports.wire.BulkAction;
import dev.faxreports.wire.BulkRequest;
import dev.faxreports.wire.ErrorBody;
import dev.faxreports.wire.MalformedBodyException;
import dev.faxreports.wire.WireFormat;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Answers one HTTP request of the fake server: routing, auth, faults, then the store. */
final class FakeRequestHandler {

  private final FakeFaxService service;
  private final String customerNumber;
  private final String expectedAuthorization;
  private final List<RecordedRequest> requests;
  private final java.util.concurrent.atomic.AtomicLong bodyBytesSent = new java.util.concurrent.atomic.AtomicLong();
  private volatile boolean gzipWhenAsked;

  FakeRequestHandler(FakeFaxService service, String customerNumber, Credentials credentials,
      List<RecordedRequest> requests) {
    this.service = service;
    this.customerNumber = customerNumber;
    this.expectedAuthorization = credentials.basicAuthorization();
    this.requests = requests;
  }

  /** A request the fake will not serve: answered with {@code status} and the service's error body. */
  private static final class Refusal extends Exception {
    private static final long serialVersionUID = 1L;
    final int status;

    Refusal(int status, String message) {
      super(message, null, false, false);
      this.status = status;
    }
  }

  /** What a request asks for. */
  private record Route(Operation operation, String jobId, BulkRequest bulk) {}

  void handle(String dataCenter, HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      requests.add(record(dataCenter, exchange, body));
      Route route;
      try {
        route = route(exchange, body);
      } catch (Refusal refusal) {
        sendError(exchange, refusal.status, refusal.getMessage(), null);
        return;
      }
      List<String> ids = route.bulk != null ? route.bulk.jobIds()
          : route.jobId != null ? List.of(route.jobId) : List.of();
      service.record(dataCenter, route.operation, ids);

      FaultPlan faults = service.faults();
      Fault fault = faults.take(dataCenter, route.operation);
      pause(faults.latency(dataCenter).toMillis());
      if (fault != null && !fault.serviceActs()) {
        refuse(exchange, fault);
        return;
      }
      if (fault != null && fault.kind() == Fault.Kind.DELAY) {
        pause(fault.delay().toMillis());
      }
      Answer answer = perform(dataCenter, route);
      if (fault == null || fault.kind() == Fault.Kind.DELAY) {
        sendAnswer(exchange, answer);
      } else if (fault.kind() == Fault.Kind.GZIP_ENCODED) {
        exchange.getResponseHeaders().set("Content-Encoding", "gzip");
        send(exchange, answer.status, "application/json;charset=UTF-8", HostileAnswers.gzip(answer.body));
      } else if (fault.kind() == Fault.Kind.TRUNCATED_JSON) {
        send(exchange, answer.status, "application/json;charset=UTF-8", // a 404 stays a 404
            Arrays.copyOf(answer.body, Math.max(1, answer.body.length / 2)));
      } else {
        sendHalfThenClose(exchange, answer.body);
      }
    }
  }

  private record Answer(int status, byte[] body) {}

  private Answer perform(String dataCenter, Route route) {
    FakeStore store = service.store();
    boolean rejectUnknown = service.faults().rejectsUnknownIds(dataCenter);
    try {
      return switch (route.operation) {
        case LIST -> ok(WireFormat.writeReports(store.oldest(dataCenter)));
        case DELETE_OLDEST -> ok(WireFormat.writeDeletions(store.deleteOldest(dataCenter)));
        case FETCH -> store.get(dataCenter, route.jobId)
            .map(report -> ok(WireFormat.writeReport(report)))
            .orElseGet(() -> error(404, FakeHttp.reasonPhrase(404)));
        case DELETE -> store.remove(dataCenter, route.jobId)
            ? ok(WireFormat.writeDeletion(DeletionResult.deleted(route.jobId)))
            : error(404, FakeHttp.reasonPhrase(404));
        case BULK_GET -> {
          List<FaxReport> found = store.bulkGet(dataCenter, route.bulk.jobIds(), rejectUnknown);
          yield ok(WireFormat.writeReports(found));
        }
        case BULK_DELETE -> ok(WireFormat.writeDeletions(
            store.bulkDelete(dataCenter, route.bulk.jobIds(), rejectUnknown,
                service.faults().deleteMode(dataCenter))));
      };
    } catch (FakeStore.RejectedBulkRequest rejected) {
      return error(rejected.status, rejected.getMessage());
    }
  }

  private Route route(HttpExchange exchange, byte[] body) throws Refusal {
    String path = exchange.getRequestURI().getRawPath();
    if (!path.startsWith(FakeFaxServer.BASE_PATH + "/")) {
      throw new Refusal(404, "no such resource: " + path);
    }
    String[] raw = path.substring(FakeFaxServer.BASE_PATH.length() + 1).split("/", -1);
    if ((raw.length != 3 && raw.length != 4) || !raw[1].equals("fax") || !raw[2].equals("reports")) {
      throw new Refusal(404, "no such resource: " + path);
    }
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    if (authorization == null) {
      throw new Refusal(401, "AUTHENTICATION_FAILURE: missing authentication");
    }
    if (!authorization.equals(expectedAuthorization)) {
      throw new Refusal(401, "AUTHENTICATION_FAILURE: Bad authentication");
    }
    String customer = decode(raw[0]);
    if (!customer.equals(customerNumber)) {
      throw new Refusal(404, "unknown customer number");
    }
    String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
    if (raw.length == 4) {
      String jobId = decode(raw[3]);
      return switch (method) {
        case "GET" -> new Route(Operation.FETCH, jobId, null);
        case "DELETE" -> new Route(Operation.DELETE, jobId, null);
        default -> throw new Refusal(405, method + " is not allowed here");
      };
    }
    return switch (method) {
      case "GET" -> new Route(Operation.LIST, null, null);
      case "DELETE" -> new Route(Operation.DELETE_OLDEST, null, null);
      case "POST" -> {
        BulkRequest bulk = bulkRequest(body);
        yield new Route(bulk.action() == BulkAction.GET ? Operation.BULK_GET : Operation.BULK_DELETE, null, bulk);
      }
      default -> throw new Refusal(405, method + " is not allowed here");
    };
  }

  private static BulkRequest bulkRequest(byte[] body) throws Refusal {
    try {
      return WireFormat.readBulkRequest(body);
    } catch (MalformedBodyException | IllegalArgumentException e) {
      throw new Refusal(400, "BAD_REQUEST: " + e.getMessage());
    }
  }

  private static String decode(String segment) throws Refusal {
    try {
      return FakeHttp.decodeSegment(segment);
    } catch (IllegalArgumentException e) {
      throw new Refusal(400, e.getMessage());
    }
  }

  private static void refuse(HttpExchange exchange, Fault fault) throws IOException {
    switch (fault.kind()) {
      case STATUS -> sendError(exchange, fault.status(), FakeHttp.reasonPhrase(fault.status()),
          fault.retryAfter() == null ? null : String.valueOf(fault.retryAfter().toSeconds()));
      case HTML_PAGE -> send(exchange, fault.status(), "text/html;charset=UTF-8",
          FakeHttp.html(fault.status()).getBytes(StandardCharsets.UTF_8));
      // Escaping the handler makes the JDK server drop the connection without an answer.
      case CLOSE_BEFORE_RESPONSE -> throw new IOException("fake: connection closed before the response");
      case OVERSIZED_BODY -> HostileAnswers.sendOversized(exchange, fault.status(), fault.bodyBytes());
      case ENDLESS_BODY -> HostileAnswers.sendEndless(exchange, fault.delay());
      case GZIP_BOMB -> HostileAnswers.sendGzipBomb(exchange);
      default -> throw new IllegalStateException("not a refusal: " + fault);
    }
  }

  private static Answer ok(byte[] body) {
    return new Answer(200, body);
  }

  private static Answer error(int status, String message) {
    return new Answer(status, WireFormat.writeError(new ErrorBody(String.valueOf(status), message)));
  }

  private static void sendError(HttpExchange exchange, int status, String message, String retryAfter)
      throws IOException {
    if (retryAfter != null) {
      exchange.getResponseHeaders().add("Retry-After", retryAfter);
    }
    send(exchange, status, "application/json;charset=UTF-8", error(status, message).body);
  }

  /** Whether successful answers are gzipped for requests that accept gzip. */
  void gzipWhenAsked(boolean gzip) {
    this.gzipWhenAsked = gzip;
  }

  /** Body bytes of answers sent whole, as they went on the wire (compressed when gzipped). */
  long bodyBytesSent() {
    return bodyBytesSent.get();
  }

  private void sendAnswer(HttpExchange exchange, Answer answer) throws IOException {
    String accepted = exchange.getRequestHeaders().getFirst("Accept-Encoding");
    byte[] body = answer.body;
    if (gzipWhenAsked && accepted != null && accepted.toLowerCase(Locale.ROOT).contains("gzip") && body.length > 0) {
      java.io.ByteArrayOutputStream compressed = new java.io.ByteArrayOutputStream(body.length / 4 + 64);
      try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(compressed)) {
        gzip.write(body);
      }
      body = compressed.toByteArray();
      exchange.getResponseHeaders().set("Content-Encoding", "gzip");
    }
    bodyBytesSent.addAndGet(body.length);
    send(exchange, answer.status, "application/json;charset=UTF-8", body);
  }

  private static void send(HttpExchange exchange, int status, String contentType, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /** Promises the whole body, sends half, and drops the connection. */
  private static void sendHalfThenClose(HttpExchange exchange, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
    exchange.sendResponseHeaders(200, body.length);
    OutputStream out = exchange.getResponseBody();
    out.write(body, 0, body.length / 2);
    out.flush();
    throw new IOException("fake: connection closed in the middle of the body");
  }

  private static RecordedRequest record(String dataCenter, HttpExchange exchange, byte[] body) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    exchange.getRequestHeaders().forEach((name, values) ->
        headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
    return new RecordedRequest(dataCenter, exchange.getRequestMethod(),
        exchange.getRequestURI().getRawPath(), headers, body);
  }

  private static void pause(long millis) {
    if (millis <= 0) {
      return;
    }
    try {
      Thread.sleep(millis); // a test server's worker thread; the client must not wait on it
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

}
