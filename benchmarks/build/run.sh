#!/usr/bin/env bash
# The build benchmark: how long javac takes to build a library of 300 generated stencil cases
# for all seven triples, isolated (one clang run per case and triple), batched, from a warm
# cache and after one case changed, against the floor of bare clang runs. Prints a table and
# writes it to benchmarks/build/results.md. About 6 minutes on a quiet 2-core machine (much more
# when other work shares its cores).
#
#   benchmarks/build/run.sh [--no-build] [--full-floor] [--quick] [--keep]
#
#   --no-build  use processor/target/classes and annotations/target/classes as they are
#               (default: build them first with Maven, offline)
#   --full-floor  run all 2,107 compiles of the per-case floor (3 more minutes); by default it
#               runs every third one (703, each triple and kind of case alike) and scales the
#               time up, to stay within about 6 minutes
#   --quick     skip the two measurements of 2,107 compiler runs (cold isolated, about 3 minutes,
#               and the per-case floor); the ratio column is then empty
#   --keep      keep the temporary directory (generated library, logs, caches)
#
# REPEATS=N changes the number of runs of the modes other than the two slow ones (default 3).
# Needs JDK >= 22 (JAVA_HOME, default Temurin 25), clang-19 (CLANG), python3, and the
# JavaPoet jar in ~/.m2 (Maven puts it there when it builds the processor).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
CLANG=${CLANG:-clang-19}
javapoet=$HOME/.m2/repository/com/palantir/javapoet/javapoet/0.22.0/javapoet-0.22.0.jar
repeats=${REPEATS:-3}

build=1 quick=0 keep=0 full_floor=0 arguments="$*"
for arg in "$@"; do
  case $arg in
    --no-build) build=0 ;;
    --quick) quick=1 ;;
    --full-floor) full_floor=1 ;;
    --keep) keep=1 ;;
    *) echo "usage: $0 [--no-build] [--full-floor] [--quick] [--keep]" >&2; exit 2 ;;
  esac
done

for tool in "$JAVA_HOME/bin/javac" "$(command -v "$CLANG" || true)" "$(command -v python3 || true)"; do
  if [[ -z $tool || ! -x $tool ]]; then
    echo "missing: need $JAVA_HOME/bin/javac, $CLANG and python3" >&2
    exit 1
  fi
done

log() { printf '%s\n' "$*" >&2; }
# CPU time (user + sys, clang's included) of each measured command, when /usr/bin/time exists
timer=() cpu=''
cpu_of() { # cpu_of [SCALE]: the CPU seconds of the last timed command
  if (( ${#timer[@]} )); then
    cpu=$(tail -1 "$work/cpu" | awk -v k="${1:-1}" '{ printf "%.1f", ($1 + $2) * k }')
  fi
}
now() { date +%s.%N; }

if (( build )); then
  # others may be editing the repository: a half-written file fails the build, so retry
  for attempt in 1 2 3; do
    if (cd "$repo" && JAVA_HOME=$JAVA_HOME mvn -q -B -o -pl annotations,processor install \
        -DskipTests >/tmp/stencil4j-build-bench-mvn.log 2>&1); then
      break
    fi
    if (( attempt == 3 )); then
      log "the processor does not build (see /tmp/stencil4j-build-bench-mvn.log)"
      exit 1
    fi
    log "the processor does not build (attempt $attempt); retrying in 60 s"
    sleep 60
  done
fi
if [[ ! -f $javapoet ]]; then
  log "missing $javapoet: build the processor with Maven once"
  exit 1
fi

work=$(mktemp -d /tmp/stencil4j-build-bench.XXXXXX)
if (( keep )); then
  log "keeping $work"
else
  trap 'rm -rf "$work"' EXIT
fi

# a snapshot of the processor, so a rebuild by someone else during the run changes nothing
mkdir -p "$work/processorpath"
cp -r "$repo/processor/target/classes" "$work/processorpath/processor"
cp -r "$repo/annotations/target/classes" "$work/processorpath/annotations"
if [[ -x /usr/bin/time ]]; then
  timer=(/usr/bin/time -f '%U %S' -o "$work/cpu")
fi
processorpath=$work/processorpath/processor:$work/processorpath/annotations:$javapoet

lib=$work/lib
python3 "$here/generate.py" "$lib"
source_file=$lib/java/io/stencil4j/bench/BuildBench.java
ncases=$(grep -c '^    case ' "$lib/c/bench_cases.c")

# --- measurements ---------------------------------------------------------------------------

# results of the last run: wall seconds, and what the processor's note says ("" if none)
wall='' runs='' compiled='' cached='' proc_ms='' clang_ms='' unrecognized=0

# run_javac OUT_DIR [javac options...]: one javac of the interface, timed
javac_run=0
run_javac() {
  local out=$1
  shift
  javac_run=$((javac_run + 1))
  local logfile=$work/javac-$javac_run.log
  mkdir -p "$out/classes" "$out/generated"
  local start end status=0
  start=$(now)
  "${timer[@]}" "$JAVA_HOME/bin/javac" -proc:full -d "$out/classes" -s "$out/generated" \
    -cp "$work/processorpath/annotations" -processorpath "$processorpath" \
    -Astencil.root="$lib/c" -Astencil.verbose "$@" "$source_file" >"$logfile" 2>&1 || status=$?
  end=$(now)
  if (( status != 0 )); then
    log "javac failed ($status): $*"
    cat "$logfile" >&2
    exit 1
  fi
  wall=$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.2f", e - s }')
  cpu_of
  # "stencil: BuildBench: 301 stencils x 7 triples: 2107 compiled in 77 compiler runs, 0 from
  # the cache, in 18619 ms (the compiler ran 27954 ms in all)", or the older "... x 7 triples
  # in T ms; the compiler ran K times, C ms in all"
  local note
  note=$(grep -o 'stencil: BuildBench: .*' "$logfile" | tail -1 || true)
  runs=$(sed -nE 's/.* ([0-9]+) compiler runs.*/\1/p; s/.*compiler ran ([0-9]+) times.*/\1/p' <<<"$note")
  compiled=$(sed -nE 's/.* ([0-9]+) compiled in .*/\1/p' <<<"$note")
  cached=$(sed -nE 's/.* ([0-9]+) from the cache.*/\1/p' <<<"$note")
  proc_ms=$(sed -nE 's/.* in ([0-9]+) ms.*/\1/p' <<<"$note")
  clang_ms=$(sed -nE 's/.* ([0-9]+) ms in all.*/\1/p' <<<"$note")
  if grep -q 'not recognized by any processor' "$logfile"; then
    unrecognized=1
  fi
}

# run_floor JOBS_FILE [EVERY]: bare clang, one run per line (every EVERY-th line, the time
# scaled up to all lines), two in parallel, timed
run_floor() {
  local every=${2:-1} jobs=$work/floor-jobs
  find "$(dirname "$1")" -name '*.o' -delete
  awk -v n="$every" 'NR % n == 1 % n' "$1" >"$jobs"
  local start end all ran
  all=$(wc -l <"$1" | tr -d ' ')
  ran=$(wc -l <"$jobs" | tr -d ' ')
  start=$(now)
  "${timer[@]}" xargs -P2 -L1 "$CLANG" <"$jobs"
  end=$(now)
  wall=$(awk -v s="$start" -v e="$end" -v a="$all" -v r="$ran" 'BEGIN { printf "%.2f", (e - s) * a / r }')
  cpu_of "$(awk -v a="$all" -v r="$ran" 'BEGIN { print a / r }')"
  if (( ran != all )); then
    log "  ($ran of $all compiles took $(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.2f", e - s }') s)"
  fi
  runs=$all
  compiled='' cached='' proc_ms='' clang_ms=''
}

median() {
  printf '%s\n' "$@" | awk 'NF' | sort -g | awk '{ v[NR] = $1 } END { if (NR) print v[int((NR + 1) / 2)] }'
}

# per mode: its label and the medians of its runs
modes=()
declare -A label walls cpus runss compileds cacheds procs clangs
record() { # record MODE: add the last run's numbers
  walls[$1]+="$wall " cpus[$1]+="$cpu " runss[$1]+="$runs " compileds[$1]+="$compiled " cacheds[$1]+="$cached "
  procs[$1]+="$proc_ms "
  clangs[$1]+="$clang_ms "
  log "  $wall s${cpu:+ ($cpu s CPU)}, ${runs:-?} compiler runs${cached:+, $cached from the cache}${proc_ms:+, processor $proc_ms ms}"
}
mode() { modes+=("$1"); label[$1]=$2; walls[$1]='' cpus[$1]='' runss[$1]='' compileds[$1]='' cacheds[$1]='' procs[$1]='' clangs[$1]=''; }

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
started=$(now)
log "library: $ncases cases + a shim, 7 triples, in $lib"

mode javac "javac without the processor (\`-proc:none\`)"
log "javac alone x$repeats"
for i in $(seq "$repeats"); do
  start=$(now)
  "${timer[@]}" "$JAVA_HOME/bin/javac" -proc:none -d "$work/plain-$i" -cp "$work/processorpath/annotations" \
    "$source_file"
  end=$(now)
  wall=$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.2f", e - s }')
  cpu_of
  runs=0 compiled='' cached='' proc_ms='' clang_ms=''
  record javac
done

if (( ! quick )); then
  mode isolated "a. cold isolated (\`-Astencil.isolated -Astencil.cache=none\`, 1 run)"
  log "a. cold isolated x1 (minutes)"
  run_javac "$work/out-isolated" -Astencil.isolated -Astencil.cache=none
  record isolated
fi

mode batched "b. cold batched (\`-Astencil.cache=<empty dir>\`)"
log "b. cold batched x$repeats"
for i in $(seq "$repeats"); do
  mkdir -p "$work/cache-$i"
  run_javac "$work/out-$i" -Astencil.cache="$work/cache-$i"
  record batched
done
# c and d continue the last cold build: same cache, same output directories
cache=$work/cache-$repeats out=$work/out-$repeats

mode warm "c. warm (same command again, nothing changed)"
log "c. warm x$repeats"
for i in $(seq "$repeats"); do
  run_javac "$out" -Astencil.cache="$cache"
  record warm
done

mode changed "d. one case changed (same cache)"
log "d. one case changed x$repeats (OP_150's constant, a new value each time)"
for i in $(seq "$repeats"); do
  python3 "$here/generate.py" "$lib" --change "$i"
  run_javac "$out" -Astencil.cache="$cache"
  record changed
done

if (( ! quick )); then
  every=$(( full_floor ? 1 : 3 ))
  all_jobs=$(wc -l <"$lib/floor/isolated.jobs" | tr -d ' ')
  sampled=$(awk -v n="$every" 'NR % n == 1 % n' "$lib/floor/isolated.jobs" | wc -l | tr -d ' ')
  mode floor "e. floor: bare \`$CLANG -c\` per case × triple (\`xargs -P2\`, 1 run$(
    ((every > 1)) && echo "; $sampled of the $all_jobs compiles, time × $all_jobs/$sampled"))"
  log "e. floor, one clang per case x triple x1 ($sampled compiles)"
  run_floor "$lib/floor/isolated.jobs" "$every"
  record floor
fi

mode floor_tu "e. reference: $ncases functions per triple in one TU (\`-ffunction-sections\`, \`xargs -P2\`)"
log "e. reference, one TU per triple x$repeats"
for i in $(seq "$repeats"); do
  run_floor "$lib/floor/batch.jobs"
  record floor_tu
done

finished=$(now)
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

# --- the table ------------------------------------------------------------------------------

isolated_wall=$(median ${walls[isolated]:-})
fmt_ratio() { # isolated wall / this wall
  if [[ -z $isolated_wall || -z $1 ]]; then echo "—"; else
    awk -v i="$isolated_wall" -v w="$1" 'BEGIN { printf(i / w >= 10 ? "%.0f×" : "%.1f×", i / w) }'
  fi
}
pair() { if [[ -n $1$2 ]]; then echo "$(or_dash "$1") / $(or_dash "$2")"; else echo "—"; fi; }
or_dash() { if [[ -n $1 ]]; then echo "$1"; else echo "—"; fi; }

table=$(
  echo "| mode | wall time (s) | CPU, user + sys (s) | compiler runs | objects compiled / from the cache | processor (ms) | compiler, summed (ms) | isolated ÷ this |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|"
  for m in "${modes[@]}"; do
    w=$(median ${walls[$m]})
    printf '| %s | %s | %s | %s | %s | %s | %s | %s |\n' "${label[$m]}" "$w" \
      "$(or_dash "$(median ${cpus[$m]})")" \
      "$(or_dash "$(median ${runss[$m]})")" "$(pair "$(median ${compileds[$m]})" "$(median ${cacheds[$m]})")" \
      "$(or_dash "$(median ${procs[$m]})")" "$(or_dash "$(median ${clangs[$m]})")" \
      "$(fmt_ratio "$w")"
  done
)
batched_wall=$(median ${walls[batched]})
changed_runs=$(median ${runss[changed]})
summary=$(
  if [[ -n $isolated_wall ]]; then
    awk -v i="$isolated_wall" -v b="$batched_wall" \
      'BEGIN { printf "cold batched is %.1f× faster than cold isolated (%.1f s against %.1f s)\n", i / b, b, i }'
  else
    echo "cold batched: $batched_wall s (cold isolated skipped: --quick)"
  fi
  echo "one case changed: ${changed_runs:-?} compiler runs (expected 7, one per triple)"
  if awk -v l="${load_before%% *}" 'BEGIN { exit !(l >= 0.5) }'; then
    echo
    echo "Other work shared the machine (load average ${load_before%% *} at the start, $(nproc) cores):" \
      "the wall times are inflated, the CPU times much less."
  fi
  if (( unrecognized )); then
    echo
    echo "javac warned that an option (-Astencil.cache) was not recognized: this processor has" \
      "no cache yet, so b, c and d were uncached builds."
  fi
)

clang_version=$("$CLANG" --version | head -1)
java_version=$("$JAVA_HOME/bin/javac" -version 2>&1)
commit=$(cd "$repo" && git rev-parse --short HEAD 2>/dev/null || echo unknown)
dirty=$(cd "$repo" && git status --porcelain -- processor annotations 2>/dev/null | head -1)
total=$(awk -v s="$started" -v e="$finished" 'BEGIN { printf "%.0f", e - s }')
report="# Build benchmark

$ncases generated stack-VM cases + a shim, 7 triples ($((ncases + 1)) stencils × 7 = $(( (ncases + 1) * 7 )) objects
when each is compiled alone); javac of one \`@Stencil\` interface with no methods. $(
  ((repeats > 1)) && echo "Medians of $repeats runs, except the rows marked \"1 run\"." || echo "One run each.")

$table

$summary

Measured $(date -u '+%Y-%m-%d %H:%M UTC') by \`benchmarks/build/run.sh${arguments:+ $arguments}\` in ${total} s: $(nproc) cores,
load average $load_before before and $load_after after; $clang_version; $java_version;
processor at $commit${dirty:+ with uncommitted changes}."

echo
echo "$report"
echo "$report" >"$here/results.md"
log ""
log "written to $here/results.md"
