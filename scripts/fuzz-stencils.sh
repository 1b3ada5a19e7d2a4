#!/usr/bin/env bash
# A differential-test campaign: N fresh Csmith programs (default 50) built as stencils and run on
# every configuration (or those named), compared with the programs compiled normally; prints a
# table of outcomes per configuration and keeps every failing program, with its header and
# outputs, under fuzz-failures/ (or --keep DIR). Runs on all cores (or --jobs J).
#
#   scripts/fuzz-stencils.sh [N] [--triples LABEL,...] [--seed-from S] [--jobs J]
#                            [--per-library K] [--keep DIR] [--work DIR]
#
# A label is a triple (built by clang), x86_64-unknown-linux-gnu/gcc or
# x86_64-unknown-linux-gnu/java (the Java runtime). Exits with 1 on a MISMATCH, CRASH or
# EMIT-ERROR. The fixed-seed part runs in CI as StencilFuzzTest.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
mvn -B -ntp -q -Dstyle.color=never test-compile dependency:build-classpath \
  -pl integration-tests -am -Dmdep.outputFile=target/fuzz.classpath -Dmdep.includeScope=test
exec java --enable-native-access=ALL-UNNAMED -Dstencil.it.basedir="$PWD/integration-tests" \
  -cp "integration-tests/target/test-classes:$(cat integration-tests/target/fuzz.classpath)" \
  io.stencil4j.it.FuzzMain "$@"
