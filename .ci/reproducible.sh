#!/usr/bin/env bash
# Reproducible-build check: builds the published artifacts twice, each time from a fresh copy of
# the working tree in its own directory, and compares every jar, published POM and the Kafka Connect
# plugin zip byte for byte.
# Fails (exit 1) naming each file that differs. Two directories on purpose: a build must not
# depend on where it runs either.
#
# Usage: .ci/reproducible.sh [extra Maven arguments, e.g. -o]
# Needs: what the README's build needs (Java 17, Maven 3.8); takes about two package builds.
set -euo pipefail
cd "$(dirname "$0")/.."

published="bom,core,wire,testkit,testkit-contract,transport-feign,transport-vertx,guice,micrometer,jdbc,kafka-connect,cli"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

build() { # $1: directory to build in; the rest: extra Maven arguments
  local dir="$1"
  shift
  mkdir -p "$dir"
  tar --exclude=./.git --exclude='./*/target' --exclude=./target -cf - . | tar -xf - -C "$dir"
  # -am: kafka-connect's tests compile against kafka-test-support, which is not published (nor
  # installed), so it is built here too; its jar is compared with the rest, harmlessly.
  (cd "$dir" && mvn -B -q "$@" package -DskipTests -pl "$published" -am) >"$dir.log" 2>&1 \
    || { echo "build in $dir failed:"; tail -50 "$dir.log"; exit 1; }
}

first="$work/first"
second="$work/second"
build "$first" "$@"
build "$second" "$@"

checked=0
differ=0
while IFS= read -r file; do
  checked=$((checked + 1))
  if ! cmp -s "$first/$file" "$second/$file"; then
    echo "differs between two builds: $file"
    differ=$((differ + 1))
  fi
done < <(cd "$first" && find . -path '*/target/*.jar' -o -path '*/target/*-plugin.zip' -o -name .flattened-pom.xml | sort)

if [ "$checked" -lt 8 ]; then
  echo "only $checked artifacts found: the build did not produce the jars expected"; exit 1
fi
if [ "$differ" -gt 0 ]; then
  echo "$differ of $checked artifacts are not reproducible (project.build.outputTimestamp?)"; exit 1
fi
echo "reproducible: $checked artifacts identical in two builds"
