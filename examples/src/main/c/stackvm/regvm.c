/* The register VM's stencil template. Each case of regvm_cases.c is a variant case: compiled
   once per stack depth (and local), so that the slot it reads or writes is a register known when
   it is compiled. The locals l[] and the stack s[] are arrays only in C: with constant indexes,
   clang keeps every element in the register of its argument. */
#include "regvm.h"

HOLE extern char _JIT_VALUE[];
HOLE extern char _JIT_INDEX[];
extern int64_t STENCIL_CC _JIT_CONTINUE(REGVM_STATE);
extern int64_t STENCIL_CC _JIT_TARGET(REGVM_STATE);

/* The host's square, a native helper of regvm_helpers.c. */
HOLE REGVM_HELPER int64_t regvm_square(int64_t value);

#define VALUE ((int64_t)(intptr_t)_JIT_VALUE)
#define INDEX ((intptr_t)_JIT_INDEX)
#define PASS_STATE l[0], l[1], l[2], l[3], s[0], s[1], s[2], s[3]
#define JUMP_TO_TARGET() MUSTTAIL return _JIT_TARGET(PASS_STATE)

int64_t STENCIL_CC _JIT_ENTRY(REGVM_STATE) {
  int64_t l[4] = {l0, l1, l2, l3};
  int64_t s[REGVM_MAX_STACK] = {s0, s1, s2, s3};
  switch (_JIT_CASE) {
    CASE
  }
  MUSTTAIL return _JIT_CONTINUE(PASS_STATE);
}
