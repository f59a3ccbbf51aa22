/**
 * The {@code watch} service: drain, wait, drain again until a signal stops it, with a growing wait
 * after failing rounds, and {@code /metrics} and {@code /health} over HTTP.
 */
package dev.faxreports.cli.watch;
