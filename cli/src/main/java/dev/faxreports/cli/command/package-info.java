/**
 * The one-shot commands ({@code list}, {@code get}, {@code bulk-get}, {@code bulk-delete}, {@code
 * delete-oldest}, {@code drain}, {@code demo}) and what only they use: job IDs from arguments or a
 * file, results as JSON Lines on stdout, the demo's injected faults.
 */
package dev.faxreports.cli.command;
