/**
 * A real single-node Kafka and a real Kafka Connect worker in one JVM, for the connector's
 * integration tests and the benchmarks' Kafka Connect row, so both run on the same broker setup.
 * Not published.
 */
package dev.faxreports.kafka.testsupport;
