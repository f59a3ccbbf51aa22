/**
 * One drain into a sink, shared by {@code drain}, {@code demo} and {@code watch}: the round that
 * stores each page before the facade may delete it and can be stopped between pages, the drain
 * command's run with its summary, progress on stderr, the quarantine tally and the meters.
 */
package dev.faxreports.cli.drain;
