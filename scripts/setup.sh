# Sourced by run-example.sh and run-tests.sh: installs what a fresh Debian 12 machine lacks and
# selects a JDK >= 22 (exported as JAVA_HOME). Fails with a message naming what is missing.

stencil4j_fail() {
  echo "stencil4j setup: $*" >&2
  exit 1
}

# command -> Debian package that provides it
stencil4j_packages=(
  "clang-19:clang-19"
  "llvm-objdump-19:llvm-19"
  "llvm-readobj-19:llvm-19"
  "gcc:gcc"
  "g++:g++"
  "ld.lld-19:lld-19"
  "qemu-aarch64:qemu-user"
  "qemu-i386:qemu-user"
  # 32-bit programs are built by clang --target=i686-linux-gnu: gcc-multilib (for gcc -m32)
  # conflicts with the AArch64 gcc on Debian 12
  "/usr/lib32/crt1.o:libc6-dev-i386"
  "/usr/lib/gcc/x86_64-linux-gnu/12/32/libgcc.a:lib32gcc-12-dev"
  "aarch64-linux-gnu-gcc:gcc-aarch64-linux-gnu"
  "/usr/aarch64-linux-gnu/include/stdio.h:libc6-dev-arm64-cross"
  "/usr/lib/gcc-cross/aarch64-linux-gnu/12/libgcc.a:libgcc-12-dev-arm64-cross"
  "mvn:maven"
  "/usr/lib/jvm/java-17-openjdk-amd64/bin/javac:openjdk-17-jdk-headless"
  "csmith:csmith"
  "creduce:creduce"
  # CacheFallbackTest makes directories read-only for root with chattr +i
  "chattr:e2fsprogs"
)

stencil4j_missing=()
for entry in "${stencil4j_packages[@]}"; do
  tool=${entry%%:*}
  package=${entry#*:}
  if [[ "$tool" == /* ]]; then
    [ -e "$tool" ] && continue
  elif command -v "$tool" >/dev/null 2>&1; then
    continue
  fi
  stencil4j_missing+=("$package")
done
if [ ${#stencil4j_missing[@]} -gt 0 ]; then
  mapfile -t stencil4j_missing < <(printf '%s\n' "${stencil4j_missing[@]}" | sort -u)
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "stencil4j setup: installing ${stencil4j_missing[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q >/dev/null || stencil4j_fail "apt-get update failed"
    apt-get install -y -q --no-install-recommends "${stencil4j_missing[@]}" >/dev/null \
      || stencil4j_fail "apt-get install ${stencil4j_missing[*]} failed"
  else
    stencil4j_fail "missing ${stencil4j_missing[*]}; install with: sudo apt-get install ${stencil4j_missing[*]}"
  fi
fi

stencil4j_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p'
}

stencil4j_pick_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ] \
      && [ "$(stencil4j_java_major "$JAVA_HOME")" -ge 22 ] 2>/dev/null; then
    return 0
  fi
  best=""
  best_major=0
  for home in /usr/lib/jvm/*/ /opt/java/*/ /opt/*jdk*/; do
    home=${home%/}
    [ -x "$home/bin/javac" ] || continue
    major=$(stencil4j_java_major "$home")
    if [ -n "$major" ] && [ "$major" -ge 22 ] && [ "$major" -gt "$best_major" ]; then
      best=$home
      best_major=$major
    fi
  done
  [ -n "$best" ] || stencil4j_fail "no JDK 22 or newer found (JAVA_HOME, /usr/lib/jvm, /opt): \
Stencil4j's runtime needs java.lang.foreign. Install one (e.g. Temurin 25) and set JAVA_HOME."
  export JAVA_HOME=$best
}
stencil4j_pick_jdk
export PATH="$JAVA_HOME/bin:$PATH"
# Maven 3.8's bundled Guava uses sun.misc.Unsafe, which JDK 24+ warns about on every run
if [ "$(stencil4j_java_major "$JAVA_HOME")" -ge 24 ]; then
  export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
fi
