package dev.faxreports.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for a test server that stops and must later listen on the same port again (a data center
 * that goes down and comes back, a database restarted). A port the system hands out — to a server
 * asking for port 0, or to any client's outgoing connection — could be taken in between by any
 * process on the machine. A port below the system's ephemeral range is taken only by a program
 * that asks for it by number, so such ports are chosen there, at random.
 */
public final class LoopbackPorts {

  /** The lowest port chosen: above the well-known ports and most services' registered ones. */
  private static final int LOWEST = 20_000;
  private static final int TRIES = 50;

  private LoopbackPorts() {}

  /** Random ports below the ephemeral range, to try in turn; none where that range starts too low. */
  public static int[] candidates() {
    int end = firstEphemeralPort();
    if (end < LOWEST + 1_000) {
      return new int[0];
    }
    return ThreadLocalRandom.current().ints(TRIES, LOWEST, end).toArray();
  }

  /** A port free on loopback now, below the ephemeral range where possible, else any free one. */
  public static int free() {
    for (int candidate : candidates()) {
      if (isFree(candidate)) {
        return candidate;
      }
    }
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on loopback", e);
    }
  }

  private static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return socket.isBound();
    } catch (IOException taken) {
      return false;
    }
  }

  /** Linux says where its range starts; elsewhere it is IANA's, 49152. */
  private static int firstEphemeralPort() {
    Path range = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    try {
      return Files.isReadable(range)
          ? Integer.parseInt(Files.readString(range, StandardCharsets.US_ASCII).strip().split("\\s+")[0])
          : 49_152;
    } catch (IOException | RuntimeException unreadable) {
      return 32_768; // Linux's default
    }
  }
}
