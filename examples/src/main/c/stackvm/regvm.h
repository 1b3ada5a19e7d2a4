/* The register VM: the stack VM's instructions with the VM's whole state in registers. */
#ifndef REGVM_H
#define REGVM_H

#include "stackvm.h"

/* The state every stencil takes and passes on: the four locals and the four stack slots, each
   an argument, so that preserve_none keeps them in registers from stencil to stencil. A slot
   above the stack's depth holds nothing and is passed on unread. */
#define REGVM_STATE int64_t l0, int64_t l1, int64_t l2, int64_t l3, \
                    int64_t s0, int64_t s1, int64_t s2, int64_t s3

/* The most stack slots a program of the register VM may use. */
#define REGVM_MAX_STACK 4

#endif
