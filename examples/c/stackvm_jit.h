/*
 * The stack VM's copy-and-patch JIT in C: jit() lays a program (vm_program.h) out, copies each
 * instruction's stencil from the generated header and patches its holes, in a layout and an
 * emit pass so that the emit benchmark (stackvm_bench.c) can time each.
 */
#ifndef STACKVM_JIT_H
#define STACKVM_JIT_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "vm_program.h"

/* As in stackvm_main.c: -DSTACKVM_HEADER picks one triple's header, -DSTACKVM_ABI the entry's
   calling convention (ms_abi for x86-64 Windows code run on Linux). */
#ifdef STACKVM_HEADER
#include STACKVM_HEADER
#else
#include "stack_vm.h"
#endif

static inline size_t code_size(opcode op) {
  static const enum stack_vm_stencil stencil_of[] = {
    STACK_VM_STENCIL_PUSH_CONST, STACK_VM_STENCIL_LOAD_LOCAL, STACK_VM_STENCIL_STORE_LOCAL,
    STACK_VM_STENCIL_ADD, STACK_VM_STENCIL_SUB, STACK_VM_STENCIL_MUL, STACK_VM_STENCIL_LESS_THAN,
    STACK_VM_STENCIL_JUMP, STACK_VM_STENCIL_JUMP_IF_FALSE, STACK_VM_STENCIL_CALL_HOST,
    STACK_VM_STENCIL_PUSH_PRIME, STACK_VM_STENCIL_RETURN};
  return stack_vm_stencils[stencil_of[op]].code_size;
}

static inline size_t data_size(opcode op) {
  switch (op) {
    case OP_PUSH_CONST: return STACK_VM_PUSH_CONST_DATA_SIZE;
    case OP_LOAD_LOCAL: return STACK_VM_LOAD_LOCAL_DATA_SIZE;
    case OP_STORE_LOCAL: return STACK_VM_STORE_LOCAL_DATA_SIZE;
    case OP_ADD: return STACK_VM_ADD_DATA_SIZE;
    case OP_SUB: return STACK_VM_SUB_DATA_SIZE;
    case OP_MUL: return STACK_VM_MUL_DATA_SIZE;
    case OP_LESS_THAN: return STACK_VM_LESS_THAN_DATA_SIZE;
    case OP_JUMP: return STACK_VM_JUMP_DATA_SIZE;
    case OP_JUMP_IF_FALSE: return STACK_VM_JUMP_IF_FALSE_DATA_SIZE;
    case OP_CALL_HOST: return STACK_VM_CALL_HOST_DATA_SIZE;
    case OP_PUSH_PRIME: return STACK_VM_PUSH_PRIME_DATA_SIZE;
    case OP_RETURN: return STACK_VM_RETURN_DATA_SIZE;
  }
  return 0;
}

/* Where each instruction's code and data go (after the shim's), from the start of the code and
   of the data, and how many bytes of each the program has. */
typedef struct {
  size_t *code_at;
  size_t *data_at;
  size_t code_size;
  size_t data_size;
} layout;

/* Pass 1: lays out every instruction, so jump targets are known. Returns 0, or -1 (no memory). */
static inline int layout_program(const program *p, layout *out) {
  size_t n = p->length;
  out->code_at = calloc(n + 1, sizeof *out->code_at);
  out->data_at = calloc(n + 1, sizeof *out->data_at);
  if (out->code_at == NULL || out->data_at == NULL) {
    free(out->code_at);
    free(out->data_at);
    return -1;
  }
  size_t code_end = STACK_VM_SHIM_CODE_SIZE;
  size_t data_end = jit_data_span(STACK_VM_SHIM_DATA_SIZE, STACK_VM_DATA_ALIGNMENT);
  for (size_t i = 0; i < n; i++) {
    out->code_at[i] = code_end;
    code_end += code_size(p->code[i].op);
  }
  for (size_t i = 0; i < n; i++) {
    out->data_at[i] = data_end;
    data_end += jit_data_span(data_size(p->code[i].op), STACK_VM_DATA_ALIGNMENT);
  }
  out->code_size = code_end;
  out->data_size = data_end;
  return 0;
}

static inline void free_layout(layout *l) {
  free(l->code_at);
  free(l->data_at);
}

/* Pass 2: copies each stencil to its place in code and data and patches its holes. Returns 0 or
   -1. */
static inline int emit_program(const program *p, const layout *l, unsigned char *code,
                               unsigned char *data, const stack_vm_symbols *symbols) {
  size_t n = p->length;
  int err = stack_vm_emit_SHIM(code, data, symbols);
  for (size_t i = 0; i < n; i++) {
    const instruction *in = &p->code[i];
    unsigned char *c = code + l->code_at[i], *d = data + l->data_at[i];
    size_t target_index = (size_t)in->arg < n ? (size_t)in->arg : 0;
    uint64_t target = (uint64_t)(uintptr_t)(code + l->code_at[target_index]);
    switch (in->op) {
      case OP_PUSH_CONST: err |= stack_vm_emit_PUSH_CONST(c, d, symbols, (uint64_t)in->arg); break;
      case OP_LOAD_LOCAL: err |= stack_vm_emit_LOAD_LOCAL(c, d, symbols, (uint64_t)in->arg); break;
      case OP_STORE_LOCAL:
        err |= stack_vm_emit_STORE_LOCAL(c, d, symbols, (uint64_t)in->arg);
        break;
      case OP_ADD: err |= stack_vm_emit_ADD(c, d, symbols); break;
      case OP_SUB: err |= stack_vm_emit_SUB(c, d, symbols); break;
      case OP_MUL: err |= stack_vm_emit_MUL(c, d, symbols); break;
      case OP_LESS_THAN: err |= stack_vm_emit_LESS_THAN(c, d, symbols); break;
      case OP_JUMP: err |= stack_vm_emit_JUMP(c, d, symbols, target); break;
      case OP_JUMP_IF_FALSE: err |= stack_vm_emit_JUMP_IF_FALSE(c, d, symbols, target); break;
      case OP_CALL_HOST: err |= stack_vm_emit_CALL_HOST(c, d, symbols); break;
      case OP_PUSH_PRIME: err |= stack_vm_emit_PUSH_PRIME(c, d, symbols, (uint64_t)in->arg); break;
      case OP_RETURN: err |= stack_vm_emit_RETURN(c, d, symbols); break;
    }
  }
  return err;
}

/* Copy and patch into fresh pages, then make the code executable (the data stays writable).
   Returns 0 or -1; on success, free out->memory with jit_memory_unmap. */
static inline int jit(const program *p, const stack_vm_symbols *symbols, compiled *out) {
  layout l;
  if (layout_program(p, &l) != 0) return -1;
  if (jit_memory_map(&out->memory, l.code_size, l.data_size) != 0) {
    free_layout(&l);
    return -1;
  }
  int err = emit_program(p, &l, out->memory.code, out->memory.data, symbols);
  free_layout(&l);
  return compiled_seal(out, err);
}

#endif
