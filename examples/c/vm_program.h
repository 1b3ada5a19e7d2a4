/*
 * The stack VM's programs as both C JITs (stackvm_jit.h, regvm_jit.h) and the interpreter
 * (stackvm_programs.h) take them, and what a JIT makes of one.
 */
#ifndef VM_PROGRAM_H
#define VM_PROGRAM_H

#include <stddef.h>
#include <stdint.h>

#include "jit_memory.h"

/* -DSTACKVM_ABI: the JIT entry's calling convention (ms_abi for x86-64 Windows code run on
   Linux); the host helper has it too. */
#ifndef STACKVM_ABI
#define STACKVM_ABI
#endif

typedef enum {
  OP_PUSH_CONST, OP_LOAD_LOCAL, OP_STORE_LOCAL, OP_ADD, OP_SUB, OP_MUL, OP_LESS_THAN,
  OP_JUMP, OP_JUMP_IF_FALSE, OP_CALL_HOST, OP_PUSH_PRIME, OP_RETURN
} opcode;

typedef struct {
  opcode op;
  int64_t arg; /* the constant, local index, prime index or jump target (an instruction index) */
} instruction;

typedef struct {
  const char *name;
  const instruction *code;
  size_t length;
  int64_t locals[4];
} program;

#define MAX_STACK 64
#define MAX_LOCALS 4

typedef int64_t (STACKVM_ABI *entry_fn)(int64_t *stack, int64_t *locals);

/* A program a JIT compiled: free its memory with jit_memory_unmap. */
typedef struct {
  jit_memory memory;
  entry_fn entry;
} compiled;

/* Ends a JIT's compile into out->memory, which its emit pass wrote with the result err: makes
   the code executable and enters it at its start, or unmaps it. Returns 0 or -1. */
static inline int compiled_seal(compiled *out, int err) {
  if (err != 0 || jit_memory_seal(&out->memory) != 0) {
    jit_memory_unmap(&out->memory);
    return -1;
  }
  out->entry = (entry_fn)(void *)out->memory.code;
  return 0;
}

#endif
