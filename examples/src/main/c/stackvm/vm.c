/* The stack VM's stencil template: each case of vm_cases.c is pasted in place of CASE. */
#include "stackvm.h"

/* Holes: each _JIT_NAME's address is the run-time value of the emitter parameter NAME. */
HOLE extern char _JIT_VALUE[];
HOLE extern char _JIT_INDEX[];
extern int64_t STENCIL_CC _JIT_CONTINUE(int64_t *sp, int64_t *locals);
extern int64_t STENCIL_CC _JIT_TARGET(int64_t *sp, int64_t *locals);

#define VALUE ((int64_t)(intptr_t)_JIT_VALUE)
#define INDEX ((intptr_t)_JIT_INDEX)
#define JUMP_TO_TARGET() MUSTTAIL return _JIT_TARGET(sp, locals)

int64_t STENCIL_CC _JIT_ENTRY(int64_t *sp, int64_t *locals) {
  switch (_JIT_CASE) {
    CASE
  }
  MUSTTAIL return _JIT_CONTINUE(sp, locals);
}
