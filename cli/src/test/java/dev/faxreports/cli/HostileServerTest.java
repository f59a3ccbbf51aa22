package dev.faxreports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.faxreports.error.Printable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A server that puts terminal escapes and line breaks in its error messages, headers and job IDs:
 * none of it reaches stderr raw, so it can neither rewrite the screen nor forge a line of ours.
 */
class HostileServerTest {

  /** Clears the screen, ends the line, and forges the tool's success line. */
  private static final String FORGED = "\u001b[2J\r\nfaxreports: exported 5,000 reports and deleted 5,000 \u2028\u202e";
  private static final String FORGED_LINE = "faxreports: exported 5,000 reports";

  /** The same text inside a JSON string: JSON escapes, decoded by the client to the raw characters. */
  private static final String FORGED_IN_JSON = FORGED.replace("\u001b", "\\u001b").replace("\r", "\\r")
      .replace("\n", "\\n").replace("\u2028", "\\u2028").replace("\u202e", "\\u202e");

  private final CliFixture cli = new CliFixture(); // for its environment; the hostile server answers
  private final List<HttpServer> servers = new ArrayList<>();
  @TempDir Path dir;

  @AfterEach
  void close() {
    servers.forEach(server -> server.stop(0));
    cli.close();
  }

  /** A one-data-center server: GET and POST each answer as given (status, headers, body). */
  private String hostile(Answer get, Answer post) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext("/", exchange -> answer(exchange, "GET".equals(exchange.getRequestMethod()) ? get : post));
      server.start();
      servers.add(server);
      return "DE1=http://127.0.0.1:" + server.getAddress().getPort() + "/rest/v1";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private record Answer(int status, Map<String, String> headers, String body) {}

  private static void answer(HttpExchange exchange, Answer answer) throws IOException {
    exchange.getRequestBody().readAllBytes();
    answer.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }

  private CliFixture.Run run(String endpoint, String transport, String... command) {
    List<String> args = new ArrayList<>(List.of("--endpoint", endpoint, "--transport", transport,
        "--max-attempts", "1", "--request-timeout", "PT5S"));
    args.addAll(List.of(command));
    return cli.runRaw(args.toArray(String[]::new));
  }

  private static void assertNothingRawOnStderr(CliFixture.Run run) {
    String err = run.err();
    assertThat(err.codePoints().filter(c -> c != '\n' && Printable.isUnsafe(c)).toArray())
        .as("raw control characters on stderr:\n" + err).isEmpty();
    assertThat(err.lines()).as("a forged line on stderr").noneMatch(line -> line.startsWith(FORGED_LINE));
    assertThat(err.lines()).as("each line is one of ours").allMatch(line -> line.startsWith("faxreports: ")
        || line.startsWith("exported DE1 ")); // the progress line
  }

  @ParameterizedTest
  @ValueSource(strings = {"feign", "vertx"})
  void anErrorMessageWithEscapesAndLineBreaks(String transport) {
    String error = "{\"code\":\"E\\u001b[31m\",\"message\":\"" + FORGED_IN_JSON + "\"}";
    String endpoint = hostile(new Answer(500, Map.of(), error), new Answer(500, Map.of(), error));

    CliFixture.Run run = run(endpoint, transport, "list");

    assertThat(run.exit()).as(run.err()).isEqualTo(ExitCodes.FAILURE);
    assertNothingRawOnStderr(run);
    assertThat(run.err()).contains("\\u001B[2J\\r\\nfaxreports: exported 5,000 reports");
  }

  @ParameterizedTest
  @ValueSource(strings = {"feign", "vertx"})
  void aRedirectWithEightBitControlsInItsLocation(String transport) {
    // HTTP allows bytes 0x80-0xFF in a header: the 8-bit CSI (U+009B) and NEL (U+0085) among them.
    Answer redirect = new Answer(302, Map.of("Location", "http://evil.example/\u009b2J\u0085" + FORGED_LINE), "");
    String endpoint = hostile(redirect, redirect);

    CliFixture.Run run = run(endpoint, transport, "list");

    assertThat(run.exit()).as(run.err()).isEqualTo(ExitCodes.FAILURE);
    assertNothingRawOnStderr(run);
    // The JDK and Netty read header bytes as Latin-1 (then escaped as \\u009B…); OkHttp decodes them
    // as UTF-8 into U+FFFD. Either way nothing raw is printed and the forged line is not a line.
    assertThat(run.err()).containsAnyOf("redirect to http://evil.example/\\u009B2J\\u0085" + FORGED_LINE,
        "redirect to http://evil.example/\uFFFD2J\uFFFD" + FORGED_LINE);
    assertThat(run.err().lines()).noneMatch(line -> line.startsWith(FORGED_LINE));
  }

  @ParameterizedTest
  @ValueSource(strings = {"feign", "vertx"})
  void aLocationWithAnEscapeThatTheHttpClientRejectsAndQuotes(String transport) {
    Answer redirect = new Answer(302, Map.of("Location", "http://evil.example/\u001b[2J" + FORGED_LINE), "");
    String endpoint = hostile(redirect, redirect);

    CliFixture.Run run = run(endpoint, transport, "list");

    assertThat(run.exit()).as(run.err()).isEqualTo(ExitCodes.FAILURE);
    assertNothingRawOnStderr(run);
  }

  @ParameterizedTest
  @ValueSource(strings = {"feign", "vertx"})
  void jobIdsWithEscapesInADrainThatFails(String transport) throws IOException {
    String reports = "{\"reports\":[{\"jobId\":\"JOB" + FORGED_IN_JSON + "\",\"recipientStatus\":[]}]}";
    String error = "{\"code\":\"500\",\"message\":\"cannot delete JOB" + FORGED_IN_JSON + "\"}";
    String endpoint = hostile(new Answer(200, Map.of(), reports), new Answer(500, Map.of(), error));
    Path out = dir.resolve("export.jsonl");

    CliFixture.Run run = run(endpoint, transport, "drain", "--out", out.toString());

    assertThat(run.exit()).as(run.err()).isIn(ExitCodes.PARTIAL, ExitCodes.FAILURE);
    assertNothingRawOnStderr(run);
    assertThat(Files.readAllLines(out)).as("the export is one JSON line per report").hasSize(1);
  }
}
