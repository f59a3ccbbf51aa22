#!/usr/bin/env bash
# What the CLI's runnable jar carries and how fast it starts: its size, its classes, the classes of
# test libraries in it (none belong there), and the wall time of `--version` over five runs.
#   bash benchmarks/cli-jar.sh                 measures cli/target/faxreports.jar (build it first:
#                                              mvn -B -q package -DskipTests -pl cli -am)
#   bash benchmarks/cli-jar.sh path/to/a.jar   measures that jar, e.g. an older build's
# Exits 1 when a test library is found in the jar.
set -euo pipefail
cd "$(dirname "$0")/.."
jar="${1:-cli/target/faxreports.jar}"
[ -f "$jar" ] || { echo "no $jar: build the CLI first" >&2; exit 2; }

entries="$(unzip -Z1 "$jar")"
count() { grep -c "$1" <<<"$entries" || true; }

echo "jar:                 $jar"
echo "size (bytes):        $(stat -c %s "$jar")"
echo "classes:             $(count '\.class$')"
found=0
# The test libraries the testkit used to bring: BouncyCastle, JUnit, AssertJ, ArchUnit.
for library in org/bouncycastle/ org/junit/ org/assertj/ com/tngtech/; do
  classes="$(count "^$library.*\.class$")"
  printf '%-20s %s\n' "$library classes:" "$classes"
  found=$((found + classes))
done

# Five starts; the JVM's own start-up is most of it, so the median is the figure to compare.
times=()
for _ in 1 2 3 4 5; do
  start=$(date +%s%N)
  java -jar "$jar" --version >/dev/null
  times+=($((($(date +%s%N) - start) / 1000000)))
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
echo "--version (ms):      min ${sorted[0]}  median ${sorted[2]}  max ${sorted[4]}  (runs: ${times[*]})"

if [ "$found" -gt 0 ]; then
  echo "the jar carries $found classes of test libraries" >&2
  exit 1
fi
