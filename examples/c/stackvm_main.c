/*
 * The stack VM's C consumer: JIT-compiles a few programs from the stencils in the generated
 * header (copy and patch), runs them, and checks each result against the VM's interpreter.
 *
 * By default it includes the dispatcher stack_vm.h, which picks the host's stencils. The
 * execution matrix builds it once per triple instead, with -DSTACKVM_HEADER naming that triple's
 * header, and with -DSTACKVM_ABI=__attribute__((ms_abi)) for x86-64 Windows code run on Linux:
 * the shim and the host helper then use the Windows calling convention, as that code expects.
 */
#define _DEFAULT_SOURCE
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stackvm_programs.h"

int main(void) {
  const program programs[] = {EXAMPLE_PROGRAMS};
  size_t count = sizeof programs / sizeof programs[0];
  int failures = 0;
  printf("stack VM (C), stencils for %s\n", STACK_VM_TRIPLE);
  printf("%-24s %22s %22s  %s\n", "program", "interpreter", "JIT", "");
  for (size_t i = 0; i < count; i++) {
    const program *p = &programs[i];
    int64_t expected = interpret(p);
    compiled c;
    stack_vm_symbols symbols = {.stackvm_host_square = (const void *)&stackvm_host_square};
    if (jit(p, &symbols, &c) != 0) {
      printf("%-24s %22" PRId64 " %22s  FAILED (emit)\n", p->name, expected, "-");
      failures++;
      continue;
    }
    int64_t stack[MAX_STACK], locals[MAX_LOCALS];
    memcpy(locals, p->locals, sizeof locals);
    int64_t actual = c.entry(stack, locals);
    jit_memory_unmap(&c.memory);
    int equal = actual == expected;
    failures += !equal;
    printf("%-24s %22" PRId64 " %22" PRId64 "  %s\n", p->name, expected, actual,
           equal ? "equal" : "DIFFERENT");
  }
  printf("%zu programs, %d different\n", count, failures);
  return failures == 0 ? 0 : 1;
}
