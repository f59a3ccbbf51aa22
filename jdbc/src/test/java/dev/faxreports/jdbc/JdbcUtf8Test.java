package dev.faxreports.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The store's UTF-8 check (report_json goes to PostgreSQL as bytes) agrees with the JDK's strict decoder. */
class JdbcUtf8Test {

  private static boolean strict(byte[] bytes) {
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  private static byte[] bytes(int... values) {
    byte[] bytes = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      bytes[i] = (byte) values[i];
    }
    return bytes;
  }

  @Test
  void edgeCasesAsTheStrictDecoder() {
    List<byte[]> cases = List.of(
        "{\"a\":\"ü € 😀 \\u0000\"}".getBytes(StandardCharsets.UTF_8), new byte[0],
        bytes(0xc0, 0x80), bytes(0xc1, 0xbf), bytes(0xc2, 0x80), bytes(0xdf, 0xbf), bytes(0xc2),
        bytes(0xe0, 0x80, 0x80), bytes(0xe0, 0x9f, 0xbf), bytes(0xe0, 0xa0, 0x80), bytes(0xed, 0x9f, 0xbf),
        bytes(0xed, 0xa0, 0x80), bytes(0xed, 0xbf, 0xbf), bytes(0xee, 0x80, 0x80), bytes(0xef, 0xbf, 0xbf),
        bytes(0xe2, 0x82), bytes(0xf0, 0x8f, 0xbf, 0xbf), bytes(0xf0, 0x90, 0x80, 0x80), bytes(0xf4, 0x8f, 0xbf, 0xbf),
        bytes(0xf4, 0x90, 0x80, 0x80), bytes(0xf5, 0x80, 0x80, 0x80), bytes(0xff), bytes(0x80), bytes(0x41, 0xbf),
        bytes(0xf0, 0x9f, 0x98));
    for (byte[] bytes : cases) {
      assertThat(Utf8.isValid(bytes)).as(java.util.HexFormat.of().formatHex(bytes)).isEqualTo(strict(bytes));
    }
  }

  @Test
  void randomBytesAsTheStrictDecoder() {
    Random random = new Random(42);
    for (int i = 0; i < 50_000; i++) {
      byte[] bytes = new byte[random.nextInt(8)];
      random.nextBytes(bytes);
      assertThat(Utf8.isValid(bytes)).as(java.util.HexFormat.of().formatHex(bytes)).isEqualTo(strict(bytes));
    }
  }
}
