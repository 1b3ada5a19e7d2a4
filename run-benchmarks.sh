#!/usr/bin/env bash
# Builds everything, then runs the benchmarks (JMH, about 4 minutes) and prints one table: emit
# speed (Java, and C from the generated header), the JIT-compiled example programs against the
# Java interpreter, and first-call latency. JMH's full report: benchmarks/target/jmh.txt.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/setup.sh
mvn -B -ntp -q -Dstyle.color=never install -DskipTests
headers=examples/target/generated-sources/annotations/io/stencil4j/examples/stackvm
mkdir -p examples/target/c
gcc -std=c11 -O2 -Wall -Wextra -Werror -I"$headers" -Iexamples/src/main/c/stackvm \
  -o examples/target/c/stackvm_bench examples/c/stackvm_bench.c
mvn -B -ntp -q -Dstyle.color=never -pl benchmarks exec:exec \
  -Dbenchmarks.c="$PWD/examples/target/c/stackvm_bench"
