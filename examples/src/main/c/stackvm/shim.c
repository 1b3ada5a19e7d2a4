/* The entry from C: a plain C function that calls the first stencil, whose calling convention
   (preserve_none) saves no registers; so the call is a real call, never a tail call. */
#include "stackvm.h"

extern int64_t STENCIL_CC _JIT_CONTINUE(int64_t *sp, int64_t *locals);

int64_t _JIT_ENTRY(int64_t *stack, int64_t *locals) {
  return _JIT_CONTINUE(stack, locals);
}
