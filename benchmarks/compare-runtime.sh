#!/usr/bin/env bash
# Compile latency of this worktree's runtime against another revision's, in one run: JMH's
# CompileBenchmark, alternating the two runtimes (ROUNDS times each), on the same benchmark and
# example classes. Prints the median (p0.50) per program and runtime; compare the ratios, since
# the machine may be shared.
#
#   benchmarks/compare-runtime.sh [REVISION]   (default: main)
#
# Builds the benchmarks first (offline). Extra JMH options: JMH_OPTIONS, e.g. "-p program=sum".
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh >/dev/null
revision=${1:-main}
rounds=${ROUNDS:-2}
work=$PWD/benchmarks/target/compare
rm -rf "$work" && mkdir -p "$work/src" "$work/classes"
# the last module built writes the file last: the benchmarks' classpath, sibling modules' jars
mvn -B -ntp -q -o -Dstyle.color=never package dependency:build-classpath -pl benchmarks -am \
  -DskipTests -Dmdep.outputFile="$work/classpath" -Dmdep.includeScope=runtime
# everything but the runtime, which each run puts first
deps=$(tr ':' '\n' < "$work/classpath" | grep -v stencil4j-runtime | paste -sd:)
git archive "$revision" runtime/src/main/java | tar -x -C "$work/src"
javac --release 22 -nowarn -d "$work/classes" -cp "$deps" $(find "$work/src" -name '*.java')
common=benchmarks/target/classes:$deps
for round in $(seq "$rounds"); do
  for runtime in before after; do
    classes=$([ "$runtime" = before ] && echo "$work/classes" || echo runtime/target/classes)
    echo "== $runtime ($([ "$runtime" = before ] && echo "$revision" || echo worktree)), round $round"
    java --enable-native-access=ALL-UNNAMED -cp "$classes:$common" org.openjdk.jmh.Main \
      CompileBenchmark ${JMH_OPTIONS:-} 2>&1 | grep -E '^CompileBenchmark.compile:p0.50'
  done
done
