#!/usr/bin/env bash
# Object fuzzing through reader and stencil builder: N mutated objects per format (seeds: real
# stencils compiled by clang-19 for every triple) under a 512 MB heap; prints a table of outcomes
# per format and keeps failing inputs (another exception, over 2 s, out of memory) with their
# bytes under fuzz-objects-failures/ (or --keep DIR). Exits with 1 if there is any. The
# fixed-seed part runs in CI as ObjectFuzzTest.
#
#   scripts/fuzz-objects.sh N [--seed S] [--format elf|coff|macho] [--keep DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
mvn -B -ntp -q -Dstyle.color=never test-compile dependency:build-classpath \
  -pl processor -am -Dmdep.outputFile=target/fuzz.classpath -Dmdep.includeScope=test
exec java -Xmx512m -XX:-OmitStackTraceInFastThrow \
  -cp "processor/target/test-classes:processor/target/classes:$(cat processor/target/fuzz.classpath)" \
  io.stencil4j.processor.stencil.ObjectFuzzMain "$@"
