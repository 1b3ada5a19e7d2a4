/* The register VM: the stack VM's instructions with the VM's whole state in registers. */
#ifndef REGVM_H
#define REGVM_H

#include "stackvm.h"

/* The state every stencil takes and passes on: the four locals and the four stack slots, each
   an argument, so that preserve_none keeps them in registers from stencil to stencil. A slot
   above the stack's depth holds nothing and is passed on unread. */
#define REGVM_STATE int64_t l0, int64_t l1, int64_t l2, int64_t l3, \
                    int64_t s0, int64_t s1, int64_t s2, int64_t s3

/* The native helpers' calling convention: preserve_most, where clang has it, so that a stencil
   calling one keeps the state in its registers instead of saving them around the call. */
#if defined(__clang__) && (defined(__x86_64__) || defined(__aarch64__))
#define REGVM_HELPER __attribute__((preserve_most))
#else
#define REGVM_HELPER
#endif

/* The most stack slots a program of the register VM may use. */
#define REGVM_MAX_STACK 4

#endif
