#!/usr/bin/env bash
# Builds the stack VM example (its stencils come from the annotation processor) and runs it
# twice: the Java JIT (copy and patch through java.lang.foreign) and the C consumer of the
# generated header. Each prints every program's result from the JIT next to its interpreter's.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/setup.sh
mvn -B -ntp -q -Dstyle.color=never install -DskipTests
echo "== Java =="
mvn -B -ntp -q -Dstyle.color=never -pl examples exec:exec
echo
echo "== C =="
headers=examples/target/generated-sources/annotations/io/stencil4j/examples/stackvm
mkdir -p examples/target/c
gcc -std=c11 -O2 -Wall -Wextra -Werror -I"$headers" -o examples/target/c/stackvm \
  examples/c/stackvm_main.c
examples/target/c/stackvm
