/* Shared by the stack VM's template and shim: the stencil calling convention. */
#ifndef STACKVM_H
#define STACKVM_H

#include <stdint.h>

/* preserve_none keeps the VM state (sp, locals) in registers from stencil to stencil; clang
   supports it on x86-64 and AArch64 only (its __has_attribute says yes on i686 too, wrongly),
   gcc not at all. */
#if defined(__clang__) && (defined(__x86_64__) || defined(__aarch64__))
#define STENCIL_CC __attribute__((preserve_none))
#else
#define STENCIL_CC
#endif

/* musttail guarantees that a stencil jumps to the next one instead of calling it; gcc 12 does
   not know it (gcc -O2 makes these tail calls anyway, without the guarantee). */
#if defined(__clang__)
#define MUSTTAIL __attribute__((musttail))
#else
#define MUSTTAIL
#endif

/* A hole is the address of an undefined symbol. Windows code reaches such symbols with 32-bit
   PC-relative offsets, which cannot encode an arbitrary value, unless they are dllimport: then
   it loads the address from a pointer-sized slot, as ELF and Mach-O code does from the GOT. */
#ifdef _WIN32
#define HOLE __declspec(dllimport)
#else
#define HOLE
#endif

/* Every stencil has this signature: the operand stack pointer and the local variables. */
typedef int64_t STENCIL_CC stackvm_stencil(int64_t *sp, int64_t *locals);

/* The host's helper that CALL_HOST calls. */
int64_t stackvm_host_square(int64_t value);

#endif
