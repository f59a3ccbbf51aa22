/**
 * The one-shot commands ({@code list}, {@code get}, {@code bulk-get}, {@code bulk-delete}, {@code
 * delete-oldest}, {@code drain}, {@code demo}) and what only they use: job IDs from arguments or a
 * file, results as JSON Lines on stdout, the demo's injected faults.
 *
 * <p>To add a command: a class here like {@code ListCommand}, listed in the root command's {@code
 * subcommands} ({@code dev.faxreports.cli.FaxReportsCommand}). One that stores what it drains mixes
 * in {@code SinkOptions}, as {@code DrainCommand} does.
 */
package dev.faxreports.cli.command;
