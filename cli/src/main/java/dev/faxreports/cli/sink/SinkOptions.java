package dev.faxreports.cli.sink;

import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Where a drain stores what it collects: exactly one of the registered sinks' options ({@link
 * SinkKinds}), such as {@code --out FILE} or {@code --jdbc URL}. A command offers them with a
 * picocli mixin and the transformer that adds the options:
 *
 * <pre>{@code
 * @Command(name = "drain", modelTransformer = SinkOptions.Offered.class)
 * class DrainCommand {
 *   @Mixin SinkOptions sink;
 * }
 * }</pre>
 */
@Command // a mixin must be a command; the options come from the sinks, see Offered
public final class SinkOptions {

  private final List<SinkKind> kinds;
  /** Each sink's option in the command this is mixed into: set when picocli builds the command. */
  private final Map<OptionSpec, SinkKind> offered = new LinkedHashMap<>();
  private CommandSpec command;

  /** Every registered sink ({@link SinkKinds#ALL}). */
  public SinkOptions() {
    this(SinkKinds.ALL);
  }

  SinkOptions(List<SinkKind> kinds) {
    this.kinds = List.copyOf(kinds);
  }

  /**
   * The sink the command line chose, checked before anything is sent.
   *
   * @throws dev.faxreports.error.InvalidArgumentException for an option value that names no sink
   */
  public ChosenSink chosen(Map<String, String> environment) {
    for (Map.Entry<OptionSpec, SinkKind> sink : offered.entrySet()) {
      if (command.commandLine().getParseResult().hasMatchedOption(sink.getKey())) {
        return sink.getValue().choose(sink.getKey(), environment);
      }
    }
    throw new IllegalStateException("no sink option was given, though picocli requires one");
  }

  /**
   * Adds the sinks' options to a command that mixes {@link SinkOptions} in: one group, exclusive,
   * one of it required. They stand where the mixin's field stands among the command's own options,
   * as annotated options would: help sorts the options, but the man page and the completion script
   * list them in this order.
   */
  public static final class Offered implements IModelTransformer {
    @Override
    public CommandSpec transform(CommandSpec command) {
      command.mixins().forEach((field, mixin) -> {
        if (mixin.userObject() instanceof SinkOptions sinks) {
          sinks.offerIn(command, field);
        }
      });
      return command;
    }
  }

  private void offerIn(CommandSpec into, String mixinField) {
    command = into;
    ArgGroupSpec.Builder group = ArgGroupSpec.builder().exclusive(true).multiplicity("1");
    for (SinkKind kind : kinds) {
      OptionSpec option = kind.option();
      offered.put(option, kind);
      group.addArg(option);
    }
    List<OptionSpec> later = into.options().stream().filter(option -> !declaredBefore(option, into, mixinField))
        .toList();
    later.forEach(into::remove);
    into.addArgGroup(group.build());
    later.forEach(into::addOption);
  }

  /**
   * Whether {@code option} is a field of the command declared before the mixin's: picocli adds a
   * command's options in the order its class declares them, then the help options, then those it
   * inherits.
   */
  private static boolean declaredBefore(OptionSpec option, CommandSpec command, String mixinField) {
    Class<?> type = command.userObject().getClass();
    List<String> fields = Arrays.stream(type.getDeclaredFields()).map(Field::getName).toList();
    return option.userObject() instanceof Field field && field.getDeclaringClass() == type
        && fields.indexOf(field.getName()) < fields.indexOf(mixinField);
  }
}
