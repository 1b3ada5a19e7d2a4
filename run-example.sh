#!/usr/bin/env bash
# Builds the stack VM example (its stencils come from the annotation processor) and runs its C
# consumer: each program JIT-compiled from the generated header, next to the interpreter's result.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/setup.sh
mvn -B -ntp -q -Dstyle.color=never install -DskipTests
headers=examples/target/generated-sources/annotations/io/stencil4j/examples/stackvm
mkdir -p examples/target/c
gcc -std=c11 -O2 -Wall -Wextra -Werror -I"$headers" -Iexamples/src/main/c/stackvm \
  -o examples/target/c/stackvm examples/c/stackvm_main.c
examples/target/c/stackvm
