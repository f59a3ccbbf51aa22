/**
 * The {@code faxreports} command-line tool. {@link dev.faxreports.cli.FaxReportsCli} is its entry
 * point; this package holds what every command shares: the root command with the global options
 * and their environment variables ({@code FaxReportsCommand}, {@code GlobalOptions}, {@code
 * CliSettings}), the {@link dev.faxreports.cli.Session} a command runs with, {@link
 * dev.faxreports.cli.ExitCodes}, duration options, secrets on the command line, the version and
 * the man page.
 *
 * <p>The rest lives in one package per concern; where to add what:
 *
 * <ul>
 *   <li>{@link dev.faxreports.cli.command}: the one-shot commands. A command is a class there like
 *       {@code ListCommand} ({@code @ParentCommand FaxReportsCommand top}, {@code top.open()} for
 *       the facade, {@code ExitCodes} for the result), listed in {@code FaxReportsCommand}'s
 *       {@code subcommands}; help, the man page and the completion script follow from it.
 *   <li>{@link dev.faxreports.cli.sink}: where a drain stores. A sink is a {@code ReportSink} and a
 *       {@code SinkKind} (its option, what the option's value names) listed in {@code SinkKinds};
 *       {@code drain} and {@code watch} offer it without further edits.
 *   <li>{@link dev.faxreports.cli.drain}: one drain into a sink, stoppable between pages, with its
 *       progress, summary and meters; {@code drain}, {@code demo} and {@code watch} share it.
 *   <li>{@link dev.faxreports.cli.watch}: the {@code watch} service. Its options are in {@code
 *       WatchCommand}, the rounds and their back-off in {@code WatchLoop}, what {@code /health}
 *       says in {@code WatchHealth}, the HTTP side in {@code MetricsServer}.
 * </ul>
 *
 * <p>Below this package the dependencies point one way: {@code sink} uses only this package,
 * {@code drain} also {@code sink}, {@code command} and {@code watch} both of them but never each
 * other (checked by {@code PackageRoomsTest}).
 */
package dev.faxreports.cli;
