#!/usr/bin/env bash
# Reduces a failing program of the differential test with creduce, keeping the failure:
#
#   scripts/fuzz-reduce.sh PROGRAM.c LABEL OUTCOME [--isolated]
#
# PROGRAM.c is a program as the test keeps it (fuzz-failures/LABEL/SEED_N/SEED_N.c), LABEL the
# configuration it fails on (e.g. x86_64-unknown-linux-gnu, x86_64-unknown-linux-gnu/gcc) and
# OUTCOME what it does there (MISMATCH, CRASH, EMIT-ERROR). The file is reduced in place (creduce
# keeps the original as PROGRAM.c.orig). Each candidate must still have a reference on which gcc
# and clang (with UndefinedBehaviorSanitizer, trapping) agree, so the reduction does
# not drift into undefined behaviour.
set -euo pipefail
[ $# -ge 3 ] || { sed -n '2,12p' "$0"; exit 2; }
program=$(realpath "$1")
label=$2
outcome=$3
shift 3
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
source scripts/setup.sh
mvn -B -ntp -q -Dstyle.color=never test-compile dependency:build-classpath \
  -pl integration-tests -am -Dmdep.outputFile=target/fuzz.classpath -Dmdep.includeScope=test
test=$(mktemp -d)/interesting.sh
cat > "$test" <<TEST
#!/usr/bin/env bash
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED \\
  -Dstencil.it.basedir="$root/integration-tests" \\
  -cp "$root/integration-tests/target/test-classes:$(cat integration-tests/target/fuzz.classpath)" \\
  io.stencil4j.it.FuzzMain --check "\$PWD/$(basename "$program")" --triples "$label" \\
  --expect "$outcome" $* >/dev/null 2>&1
TEST
chmod +x "$test"
(cd "$(dirname "$program")" && "$test") || {
  echo "fuzz-reduce: $program does not give $outcome on $label" >&2
  exit 1
}
cd "$(dirname "$program")"
creduce --n "$(nproc)" "$test" "$(basename "$program")"
