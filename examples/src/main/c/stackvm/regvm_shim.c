/* The entry from C into the register VM: loads the locals into the state's registers. It takes
   the stack VM's arguments, so that both are called alike; the register VM needs no stack. */
#include "regvm.h"

extern int64_t STENCIL_CC _JIT_CONTINUE(REGVM_STATE);

int64_t _JIT_ENTRY(int64_t *stack, int64_t *locals) {
  (void)stack;
  return _JIT_CONTINUE(locals[0], locals[1], locals[2], locals[3], 0, 0, 0, 0);
}
