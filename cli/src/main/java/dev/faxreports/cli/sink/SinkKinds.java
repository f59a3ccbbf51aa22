package dev.faxreports.cli.sink;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every sink the tool can drain into, in the order their options are listed: the one place a sink
 * is registered (see {@link SinkKind}).
 */
public final class SinkKinds {
  private SinkKinds() {}

  static final List<SinkKind> ALL = List.of(new FileSinkKind(), new DatabaseSinkKind());

  /**
   * For each sink option whose value may carry a password, the variable that keeps it out of the
   * process list, in the order of {@link #ALL}.
   */
  public static Map<String, String> passwordVariables() {
    Map<String, String> variables = new LinkedHashMap<>();
    for (SinkKind kind : ALL) {
      if (kind.passwordVariable() != null) {
        variables.put(kind.option().longestName(), kind.passwordVariable());
      }
    }
    return variables;
  }
}
