#!/usr/bin/env bash
# Compile latency of this worktree's runtime against another revision's, in one run: JMH's
# CompileBenchmark, alternating the two runtimes (ROUNDS times each), on the same benchmark and
# example classes. Prints the median (p0.50) per program and runtime; compare the ratios, since
# the machine may be shared.
#
#   benchmarks/compare-runtime.sh [REVISION]   (default: main)
#
# Then launch to first result in fresh JVMs (FirstResult), COLD_RUNS (default 9) per runtime,
# alternating, and the median of each.
#
# Builds the benchmarks first (offline). Extra JMH options: JMH_OPTIONS, e.g. "-p program=sum".
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh >/dev/null
revision=${1:-main}
rounds=${ROUNDS:-2}
work=$PWD/benchmarks/target/compare
rm -rf "$work" && mkdir -p "$work/src" "$work/classes"
# everything but the runtime, which each run puts first
common=$(benchmarks/classpath.sh -o | tr ':' '\n' | grep -v stencil4j-runtime | paste -sd:)
git archive "$revision" runtime/src/main/java | tar -x -C "$work/src"
javac --release 22 -nowarn -d "$work/classes" -cp "$common" $(find "$work/src" -name '*.java')
# the classpath of runtime "before" (REVISION's) or "after" (this worktree's)
classpath() {
  if [ "$1" = before ]; then echo "$work/classes:$common"
  else echo "runtime/target/classes:$common"; fi
}
for round in $(seq "$rounds"); do
  for runtime in before after; do
    echo "== $runtime ($([ "$runtime" = before ] && echo "$revision" || echo worktree))," \
      "round $round"
    java --enable-native-access=ALL-UNNAMED -cp "$(classpath $runtime)" org.openjdk.jmh.Main \
      CompileBenchmark.stencil ${JMH_OPTIONS:-} 2>&1 | grep -E "^CompileBenchmark.stencil:p0.50"
  done
done
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
for runtime in before after; do : > "$work/cold-$runtime"; done
for run in $(seq "${COLD_RUNS:-9}"); do
  for runtime in before after; do
    java --enable-native-access=ALL-UNNAMED -cp "$(classpath $runtime)" \
      io.stencil4j.benchmarks.FirstResult "$(date +%s%N)" stencil \
      | sed -E 's/.* ([0-9]+) us$/\1/' >> "$work/cold-$runtime"
  done
done
for runtime in before after; do
  echo "== $runtime: launch to first result, median of ${COLD_RUNS:-9} JVMs:" \
    "$(median < "$work/cold-$runtime") us"
done
