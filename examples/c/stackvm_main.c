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
#include "stackvm_jit.h"
#include "vm_report.h"

static int stackvm_jit(const program *p, compiled *out) {
  stack_vm_symbols symbols = {.stackvm_host_square = (const void *)&stackvm_host_square};
  return jit(p, &symbols, out);
}

int main(void) {
  return report("stack VM (C)", STACK_VM_TRIPLE, stackvm_jit);
}
