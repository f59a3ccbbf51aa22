package dev.faxreports.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The tool's man page in roff, from the same picocli model that prints {@code --help}, so the two
 * cannot disagree. picocli-codegen's generator writes AsciiDoc, which would need Asciidoctor to
 * become a man page; roff is simple enough to write directly. See {@link BuildTimeFiles}.
 */
final class ManPage {
  private ManPage() {}

  static String render(CommandSpec root) {
    StringBuilder man = new StringBuilder();
    man.append(".TH FAXREPORTS 1 \"\" \"").append(escape(new Version().getVersion()[0])).append("\" \"User Commands\"\n");
    man.append(".SH NAME\nfaxreports \\- ").append(escape(root.usageMessage().description()[0])).append('\n');
    man.append(".SH SYNOPSIS\n.B faxreports\n[\\fIOPTIONS\\fR] \\fICOMMAND\\fR [\\fICOMMAND OPTIONS\\fR]\n");
    man.append(".SH DESCRIPTION\n");
    for (String line : root.usageMessage().description()) {
      man.append(escape(line)).append("\n.br\n");
    }
    man.append("Global options are accepted before or after the command.\n");
    man.append(".SH OPTIONS\n");
    options(root, man);
    man.append(".SH COMMANDS\n");
    root.subcommands().forEach((name, sub) -> {
      CommandSpec spec = sub.getCommandSpec();
      if (spec.usageMessage().hidden() || !name.equals(spec.name())) {
        return;
      }
      man.append(".SS ").append(escape(name)).append('\n');
      for (String line : spec.usageMessage().description()) {
        man.append(escape(line)).append('\n');
      }
      spec.positionalParameters().forEach(p -> man.append(".TP\n.I ").append(escape(p.paramLabel()))
          .append('\n').append(escape(String.join(" ", p.description()))).append('\n'));
      spec.options().stream().filter(o -> !o.inherited() && !o.usageHelp() && !o.versionHelp())
          .forEach(o -> option(o, man));
    });
    man.append(".SH EXIT STATUS\n");
    root.usageMessage().exitCodeList().forEach((code, meaning) ->
        man.append(".TP\n.B ").append(escape(code.strip())).append('\n').append(escape(meaning)).append('\n'));
    man.append(".SH ENVIRONMENT\n");
    man.append(".TP\n.B RETARUS_USERNAME, RETARUS_PASSWORD\nThe credentials; only from the environment.\n");
    man.append("Every option above names its variable.\n");
    return man.toString();
  }

  private static void options(CommandSpec spec, StringBuilder man) {
    spec.options().forEach(o -> option(o, man));
  }

  private static void option(OptionSpec option, StringBuilder man) {
    man.append(".TP\n.B ").append(escape(String.join(", ", option.names())));
    if (option.arity().max() > 0 && !option.paramLabel().isEmpty()) {
      man.append(" \\fI").append(escape(option.paramLabel())).append("\\fR");
    }
    man.append('\n').append(escape(String.join(" ", option.description())
        .replace("${DEFAULT-VALUE}", String.valueOf(option.defaultValue())))).append('\n');
  }

  /** roff: a backslash is an escape and a leading dot or quote a request. */
  private static String escape(String text) {
    String escaped = text.replace("\\", "\\e").replace("-", "\\-");
    return escaped.startsWith(".") || escaped.startsWith("'") ? "\\&" + escaped : escaped;
  }
}
