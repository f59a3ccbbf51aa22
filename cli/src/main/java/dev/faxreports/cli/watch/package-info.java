/**
 * The {@code watch} service: drain, wait, drain again until a signal stops it, with a growing wait
 * after failing rounds, and {@code /metrics} and {@code /health} over HTTP. Its options are in
 * {@code WatchCommand}, the rounds and their back-off in {@code WatchLoop}, the health rule in
 * {@code WatchHealth}, the HTTP endpoint in {@code MetricsServer}, the signals in {@code
 * StopSignals}.
 */
package dev.faxreports.cli.watch;
