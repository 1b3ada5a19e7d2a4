/* Shared by the stack VM's template and shim: the stencil calling convention. */
#ifndef STACKVM_H
#define STACKVM_H

#include <stdint.h>

/* preserve_none keeps the VM state (sp, locals) in registers from stencil to stencil; clang
   supports it on x86-64 and AArch64 only (its __has_attribute says yes on i686 too, wrongly). */
#if defined(__x86_64__) || defined(__aarch64__)
#define STENCIL_CC __attribute__((preserve_none))
#else
#define STENCIL_CC
#endif

/* Every stencil has this signature: the operand stack pointer and the local variables. */
typedef int64_t STENCIL_CC stackvm_stencil(int64_t *sp, int64_t *locals);

/* The host's helper that CALL_HOST calls. */
int64_t stackvm_host_square(int64_t value);

#endif
