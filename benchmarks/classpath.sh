#!/usr/bin/env bash
# Builds the benchmarks and the modules they use with Maven (package, tests skipped, nothing
# installed into ~/.m2) and prints their class path: benchmarks/target/classes, then the jars of
# the sibling modules and of the dependencies. Extra Maven options are passed on, e.g. -o.
set -euo pipefail
cd "$(dirname "$0")/.."
file=$PWD/benchmarks/target/classpath
# every module of the reactor writes the file; the benchmarks, built last, write it last
mvn -B -ntp -q -Dstyle.color=never "$@" package dependency:build-classpath -pl benchmarks -am \
  -DskipTests -Dmdep.outputFile="$file" -Dmdep.includeScope=runtime >&2
echo "$PWD/benchmarks/target/classes:$(cat "$file")"
