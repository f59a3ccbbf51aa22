package dev.faxreports.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faxreports.error.ResponseTooLargeException;
import dev.faxreports.error.TransportException;
import dev.faxreports.model.DataCenter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class BoundedBodyTest {

  private static final byte[] JSON = "{\"reports\":[]}".getBytes(StandardCharsets.UTF_8);

  @Test
  void anIdentityBodyUpToTheLimitComesBackAsReceived() {
    BoundedBody body = BoundedBody.of(DataCenter.DE1, 200, null, JSON.length);

    body.append(java.util.Arrays.copyOfRange(JSON, 0, 5));
    body.append(java.util.Arrays.copyOfRange(JSON, 5, JSON.length));

    assertThat(body.finish()).isEqualTo(JSON);
  }

  @Test
  void oneByteTooManyFailsWhileReadingNamingTheDataCenterAndTheSetting() {
    BoundedBody body = BoundedBody.of(DataCenter.DE1, 200, "identity", 10);
    body.append(new byte[10]);

    assertThatThrownBy(() -> body.append(new byte[1]))
        .isInstanceOf(ResponseTooLargeException.class)
        .hasMessageContaining("DE1").hasMessageContaining("exceeded 10 bytes")
        .hasMessageContaining("maxResponseBytes").hasMessageContaining("retarus.fax.max-response-bytes")
        .satisfies(e -> assertThat(((ResponseTooLargeException) e).maxBytes()).isEqualTo(10));
  }

  @Test
  void gzipAndDeflateBodiesAreInflated() {
    BoundedBody gzip = BoundedBody.of(DataCenter.DE1, 200, "GZIP", 1000);
    gzip.append(gzip(JSON));
    BoundedBody deflate = BoundedBody.of(DataCenter.DE1, 200, "deflate", 1000);
    deflate.append(deflate(JSON));

    assertThat(gzip.finish()).isEqualTo(JSON);
    assertThat(deflate.finish()).isEqualTo(JSON);
  }

  @Test
  void aSmallGzipBodyThatInflatesPastTheLimitIsTooLarge() {
    byte[] bomb = gzip(new byte[10_000_000]); // about 10 KB on the wire
    BoundedBody body = BoundedBody.of(DataCenter.DE2, 200, "gzip", 1_000_000);
    body.append(bomb);

    assertThat(bomb.length).isLessThan(1_000_000);
    assertThatThrownBy(body::finish).isInstanceOf(ResponseTooLargeException.class)
        .hasMessageContaining("DE2").hasMessageContaining("1000000 bytes");
  }

  @Test
  void compressedBytesCountToo() {
    byte[] incompressible = new byte[2000];
    new java.util.Random(1).nextBytes(incompressible);
    BoundedBody body = BoundedBody.of(DataCenter.DE1, 200, "gzip", 1000);

    assertThatThrownBy(() -> body.append(gzip(incompressible))).isInstanceOf(ResponseTooLargeException.class);
  }

  @Test
  void errorAnswersAreCappedAndKeepTheirStatus() {
    BoundedBody body = BoundedBody.of(DataCenter.DE1, 503, null, 100);

    assertThatThrownBy(() -> body.append(new byte[101])).isInstanceOf(ResponseTooLargeException.class)
        .satisfies(e -> assertThat(((ResponseTooLargeException) e).httpStatus()).isEqualTo(503));
  }

  @Test
  void aBrokenOrUnknownEncodingIsMalformedForASuccessAndDroppedForAnError() {
    BoundedBody broken = BoundedBody.of(DataCenter.DE1, 200, "gzip", 1000);
    broken.append(JSON);
    BoundedBody brotli = BoundedBody.of(DataCenter.DE1, 200, "br", 1000);
    brotli.append(JSON);
    BoundedBody brokenError = BoundedBody.of(DataCenter.DE1, 502, "gzip", 1000);
    brokenError.append(JSON);

    assertThatThrownBy(broken::finish).isInstanceOf(TransportException.class)
        .hasMessageContaining("DE1").hasMessageContaining("gzip");
    assertThatThrownBy(brotli::finish).isInstanceOf(TransportException.class)
        .hasMessageContaining("unsupported Content-Encoding 'br'");
    assertThat(brokenError.finish()).isEmpty();
  }

  static byte[] gzip(byte[] plain) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
      zip.write(plain);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static byte[] deflate(byte[] plain) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (DeflaterOutputStream zip = new DeflaterOutputStream(out)) {
      zip.write(plain);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
