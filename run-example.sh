#!/usr/bin/env bash
# Builds the stack VM example (its stencils come from the annotation processor) and runs it:
# the Java JITs (copy and patch through java.lang.foreign; the stack VM's stencils and the
# register VM's) and the C consumers of the generated headers (the same two). Each prints every
# program's result from the JIT next to its interpreter's.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/setup.sh
# Maven 3.8 writes colour resets (ESC[0m) even in batch mode with colours off
plain() { sed -u $'s/\e\\[[0-9;]*m//g'; }
mvn -B -ntp -q -Dstyle.color=never install -DskipTests 2>&1 | plain
echo "== Java =="
mvn -B -ntp -q -Dstyle.color=never -pl examples exec:exec 2>&1 | plain
echo
echo "== C =="
headers=examples/target/generated-sources/annotations/io/stencil4j/examples/stackvm
mkdir -p examples/target/c
for consumer in stackvm regvm; do
  gcc -std=c11 -O2 -Wall -Wextra -Werror -I"$headers" -o examples/target/c/$consumer \
    examples/c/${consumer}_main.c
  examples/target/c/$consumer
done
