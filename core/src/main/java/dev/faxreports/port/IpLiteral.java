package dev.faxreports.port;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** IP addresses written literally, and CIDR blocks, for bypass lists: parsed, never looked up. */
final class IpLiteral {

  private IpLiteral() {}

  /** The address {@code text} spells (dotted-quad IPv4, or IPv6), or null for anything else. */
  static byte[] parse(String text) {
    boolean ipv4 = text.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    boolean ipv6 = text.contains(":") && text.matches("[0-9a-fA-F:.]+");
    if (!ipv4 && !ipv6) {
      return null; // a name, or a shorthand such as "2.2" that must never be read as an address
    }
    try {
      return InetAddress.getByName(text).getAddress(); // a literal: no lookup
    } catch (UnknownHostException notAnAddress) {
      return null;
    }
  }

  /** Whether the address {@code address} lies in {@code block}, written {@code ADDRESS/BITS}. */
  static boolean inBlock(String address, String block) {
    int slash = block.indexOf('/');
    if (slash < 0) {
      return false;
    }
    byte[] target = parse(address);
    byte[] network = parse(block.substring(0, slash));
    int bits;
    try {
      bits = Integer.parseInt(block.substring(slash + 1));
    } catch (NumberFormatException e) {
      return false;
    }
    if (target == null || network == null || target.length != network.length || bits < 0
        || bits > target.length * 8) {
      return false;
    }
    for (int i = 0; i < bits; i++) {
      int mask = 0x80 >>> (i % 8);
      if ((target[i / 8] & mask) != (network[i / 8] & mask)) {
        return false;
      }
    }
    return true;
  }
}
