#!/usr/bin/env bash
# Builds and runs every benchmark (about 6 minutes on 2 cores), prints the table, writes
# benchmarks/results/latest.{json,md} and refreshes the table in docs/benchmarks.md.
#   bash benchmarks/run.sh            the full run
#   bash benchmarks/run.sh --quick    a smoke run with small sizes (docs left alone)
#   bash benchmarks/run.sh --jdbc-only   just the drains into PostgreSQL and SQLite (docs left alone)
#   bash benchmarks/run.sh --kafka-only  just the Kafka Connect row (docs left alone)
# The cli module is built too: the Kafka Connect row runs cli/target/faxreports.jar.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q package -DskipTests -pl cli,benchmarks -am
if [ "${1:-}" = "--quick" ] || [ "${1:-}" = "--jdbc-only" ] || [ "${1:-}" = "--kafka-only" ]; then
  java -jar benchmarks/target/benchmarks.jar "$1"
else
  java -jar benchmarks/target/benchmarks.jar --update-docs
fi
