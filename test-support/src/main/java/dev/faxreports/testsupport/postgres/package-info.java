/**
 * A real PostgreSQL server for tests, {@link dev.faxreports.testsupport.postgres.PostgresCluster}:
 * from a Maven artifact, throwaway, on loopback, restartable on the same data.
 */
package dev.faxreports.testsupport.postgres;
