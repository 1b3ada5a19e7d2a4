/* CPython's JIT golden-test input (Tools/jit/test/test_executor_cases.c.h), re-expressed with
   Stencil4j's template contract: each case of executor_cases.c is pasted in place of CASE.
   The calling convention is CPython's: frame, stack pointer and thread state arrive as the
   first three arguments (r12, r13, r14 on x86-64 with preserve_none), and the struct offsets
   are the ones CPython's golden disassembly stores at, so both compilers face the same code. */
#include "executor.h"

void *STENCIL_CC _JIT_ENTRY(struct frame *frame, void **stack_pointer,
                            struct thread_state *thread) {
  switch (_JIT_CASE) {
    CASE
  }
  JUMP_TO(_JIT_CONTINUE);
}
