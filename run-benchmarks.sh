#!/usr/bin/env bash
# Builds the benchmarks (nothing installed) and the C benchmark, then runs them all (about 10
# minutes on 2 cores) and prints one table: compile latency against the bytecode baseline and
# the floor, launch to first result in fresh JVMs, execution against the bytecode baseline and
# the interpreters (Java and C), emit speed. JMH's full report: benchmarks/target/jmh.txt.
#
#   ./run-benchmarks.sh [--quick]   (--quick: a smoke run of about 2 minutes, numbers meaningless)
set -euo pipefail
cd "$(dirname "$0")"
source scripts/setup.sh
classpath=$(benchmarks/classpath.sh)
headers=examples/target/generated-sources/annotations/io/stencil4j/examples/stackvm
mkdir -p examples/target/c
gcc -std=c11 -O2 -Wall -Wextra -Werror -I"$headers" -Iexamples/src/main/c/stackvm \
  -o examples/target/c/stackvm_bench examples/c/stackvm_bench.c
cd benchmarks
java --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -cp "$classpath" \
  io.stencil4j.benchmarks.BenchmarkTable "$@" "$PWD/../examples/target/c/stackvm_bench"
