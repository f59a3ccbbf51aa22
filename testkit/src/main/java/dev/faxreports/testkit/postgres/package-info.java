/**
 * A real PostgreSQL server for tests, {@link dev.faxreports.testkit.postgres.PostgresCluster}:
 * throwaway, on loopback, restartable on the same data.
 */
package dev.faxreports.testkit.postgres;
