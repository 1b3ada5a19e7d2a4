/*
 * The register VM's C consumer: JIT-compiles the example programs from the register VM's
 * stencils (regvm_jit.h), runs them, and checks each result against the interpreter's. As
 * stackvm_main.c, it takes -DREGVM_HEADER (one triple's header) and -DSTACKVM_ABI.
 */
#define _DEFAULT_SOURCE
#include "regvm_jit.h"
#include "vm_report.h"

int main(void) {
  return report("register VM (C)", REGISTER_VM_TRIPLE, regvm_jit);
}
