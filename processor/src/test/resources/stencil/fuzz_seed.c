/*
 * The seed of the object fuzzer (ObjectFuzzer): stencils that use what the stencil builder
 * handles -- holes, a continuation and a jump target, a static helper, an external call, data,
 * .bss, strings and a constant pool. FIRST and SECOND are defined on the command line: a stencil
 * alone (_JIT_ENTRY) or a batch of two (_JIT_ENTRY_A and _JIT_ENTRY_B).
 */
#include <stdint.h>

#if defined(__x86_64__) || defined(__aarch64__)
#define CC __attribute__((preserve_none))
#else
#define CC
#endif

#ifdef _WIN32
#define HOLE __declspec(dllimport)
#else
#define HOLE
#endif

HOLE extern char _JIT_VALUE[];
HOLE extern char _JIT_INDEX[];
extern int64_t CC _JIT_CONTINUE(int64_t *sp, int64_t *locals);
extern int64_t CC _JIT_TARGET(int64_t *sp, int64_t *locals);
extern int64_t helper(int64_t);

static int64_t scratch[8];
int64_t counters[4] = {1, 2, 3, 4};
static const char *const names[] = {"zero", "one", "two"};
static const double scales[] = {1.5, 2.25, 3.125, 4.0625};

static __attribute__((noinline)) int64_t mix(int64_t x) { return x * 31 + names[x & 1][0]; }

int64_t CC FIRST(int64_t *sp, int64_t *locals) {
  int64_t value = (int64_t)(intptr_t)_JIT_VALUE;
  if (value == sp[0]) {
    __attribute__((musttail)) return _JIT_TARGET(sp, locals);
  }
  sp[0] = mix(value) + counters[value & 3] + scratch[locals[0] & 7];
  scratch[value & 7] = (int64_t)(sp[1] * scales[value & 3] * 0.5);
  __attribute__((musttail)) return _JIT_CONTINUE(sp, locals);
}

int64_t CC SECOND(int64_t *sp, int64_t *locals) {
  locals[(intptr_t)_JIT_INDEX] = helper(sp[0]) + (sp[1] > 3 ? 7 : names[2][1]);
  __attribute__((musttail)) return _JIT_CONTINUE(sp, locals);
}
