/*
 * The register VM's copy-and-patch JIT in C, the twin of RegisterVmJit: the stack depth before
 * each instruction picks each stencil's variant, common sequences become one superinstruction
 * when no jump goes into them, and instructions no path reaches are left out. The locals and
 * the stack live in registers (regvm.h), so programs deeper than the stencils' variants go are
 * refused. Innermost loops are unrolled first (vm_unroll.h). The native helpers (the host's
 * square) are placed after each program's stencils. Unlike RegisterVmJit it folds no constants,
 * so that its runs on every triple execute every stencil, PUSH_PRIME's among them.
 */
#ifndef REGVM_JIT_H
#define REGVM_JIT_H

#include <stdlib.h>

/* -DREGVM_ABI: the entry's calling convention, as -DSTACKVM_ABI for the stack VM. */
#if defined(REGVM_ABI) && !defined(STACKVM_ABI)
#define STACKVM_ABI REGVM_ABI
#endif

#include "vm_program.h"
#include "vm_unroll.h"

/* -DREGVM_HEADER picks one triple's header, as -DSTACKVM_HEADER does for the stack VM. */
#ifdef REGVM_HEADER
#include REGVM_HEADER
#else
#include "register_vm.h"
#endif

/* The deepest stack the stencils keep in registers: RETURN has a variant per depth. */
#define REGVM_MAX_DEPTH (REGISTER_VM_RETURN_FIRST + REGISTER_VM_RETURN_VARIANT_COUNT - 1)

/* The stencil of the variant for value of a variant case NAME. */
#define REGVM_VARIANT(NAME, value) \
  register_vm_##NAME##_variants[(value) - REGISTER_VM_##NAME##_FIRST]

/* Per instruction: the stack depth before it (-1 where no path reaches it), whether a jump
   goes to it, and where the stencil it starts goes (-1 for none: unreachable, or inside a
   superinstruction). */
typedef struct {
  int *depth;
  unsigned char *target;
  long *code_at;
  long *data_at;
  /* where the native helpers go, after the stencils */
  size_t helpers_code_at;
  size_t helpers_data_at;
  size_t code_size;
  size_t data_size;
} regvm_plan;

static inline void regvm_free_plan(regvm_plan *plan) {
  free(plan->depth);
  free(plan->target);
  free(plan->code_at);
  free(plan->data_at);
}

static inline int regvm_pops(opcode op) {
  switch (op) {
    case OP_STORE_LOCAL: case OP_JUMP_IF_FALSE: case OP_CALL_HOST: case OP_RETURN: return 1;
    case OP_ADD: case OP_SUB: case OP_MUL: case OP_LESS_THAN: return 2;
    default: return 0;
  }
}

static inline int regvm_pushes(opcode op) {
  switch (op) {
    case OP_PUSH_CONST: case OP_LOAD_LOCAL: case OP_ADD: case OP_SUB: case OP_MUL:
    case OP_LESS_THAN: case OP_CALL_HOST: case OP_PUSH_PRIME: return 1;
    default: return 0;
  }
}

/* The depth before each instruction, following every path from the first; the program is
   trusted to be verified (as Program is in Java). Returns -1 if a depth exceeds the registers. */
static inline int regvm_depths(const program *p, int *depth, size_t *pending) {
  size_t n = p->length, count = 0;
  for (size_t i = 0; i < n; i++) depth[i] = -1;
  depth[0] = 0;
  pending[count++] = 0;
  while (count > 0) {
    size_t pc = pending[--count];
    const instruction *in = &p->code[pc];
    int after = depth[pc] - regvm_pops(in->op) + regvm_pushes(in->op);
    if (after > REGVM_MAX_DEPTH) return -1;
    size_t next[2];
    int successors = 0;
    if (in->op == OP_JUMP || in->op == OP_JUMP_IF_FALSE) next[successors++] = (size_t)in->arg;
    if (in->op != OP_JUMP && in->op != OP_RETURN) next[successors++] = pc + 1;
    for (int s = 0; s < successors; s++) {
      if (depth[next[s]] < 0) {
        depth[next[s]] = after;
        pending[count++] = next[s];
      }
    }
  }
  return 0;
}

/* The op at pc if a superinstruction may take it in: it exists and no jump goes to it. */
static inline int regvm_inside(const program *p, const regvm_plan *plan, size_t pc, opcode op) {
  return pc < p->length && !plan->target[pc] && p->code[pc].op == op;
}

/* The superinstruction on the locals alone that starts at pc: how many instructions it takes
   (2 or 4, 0 for none) and which stencil it is. */
static inline size_t regvm_choose_on_locals(const program *p, const regvm_plan *plan, size_t pc,
                                            enum register_vm_stencil *stencil) {
  const instruction *in = &p->code[pc];
  int a = (int)in->arg;
  if (regvm_inside(p, plan, pc + 2, OP_LESS_THAN)
      && regvm_inside(p, plan, pc + 3, OP_JUMP_IF_FALSE)) {
    int b = (int)p->code[pc + 1].arg;
    if (in->op == OP_LOAD_LOCAL && regvm_inside(p, plan, pc + 1, OP_LOAD_LOCAL)) {
      *stencil = REGVM_VARIANT(JUMP_IF_NOT_LOCALS_LESS, a * 4 + b);
      return 4;
    }
    if (in->op == OP_LOAD_LOCAL && regvm_inside(p, plan, pc + 1, OP_PUSH_CONST)) {
      *stencil = REGVM_VARIANT(JUMP_IF_NOT_LOCAL_LESS_CONST, a);
      return 4;
    }
    if (in->op == OP_PUSH_CONST && regvm_inside(p, plan, pc + 1, OP_LOAD_LOCAL)) {
      *stencil = in->arg == 0 ? REGVM_VARIANT(JUMP_IF_LOCAL_NOT_POSITIVE, b)
                              : REGVM_VARIANT(JUMP_IF_NOT_CONST_LESS_LOCAL, b);
      return 4;
    }
  }
  if (in->op != OP_LOAD_LOCAL) return 0;
  if (regvm_inside(p, plan, pc + 1, OP_STORE_LOCAL)) {
    *stencil = REGVM_VARIANT(MOVE_LOCAL, a * 4 + (int)p->code[pc + 1].arg);
    return 2;
  }
  if (!regvm_inside(p, plan, pc + 3, OP_STORE_LOCAL)) return 0;
  int b = (int)p->code[pc + 1].arg, c = (int)p->code[pc + 3].arg;
  if (regvm_inside(p, plan, pc + 1, OP_LOAD_LOCAL)) {
    if (regvm_inside(p, plan, pc + 2, OP_ADD)) {
      *stencil = REGVM_VARIANT(ADD_LOCALS, a * 16 + b * 4 + c);
      return 4;
    }
    if (regvm_inside(p, plan, pc + 2, OP_MUL)) {
      *stencil = REGVM_VARIANT(MUL_LOCALS, a * 16 + b * 4 + c);
      return 4;
    }
  } else if (regvm_inside(p, plan, pc + 1, OP_PUSH_CONST)) {
    int step = p->code[pc + 1].arg == 1 && a == c;
    if (regvm_inside(p, plan, pc + 2, OP_ADD)) {
      *stencil = step ? REGVM_VARIANT(INCREMENT_LOCAL, a)
                      : REGVM_VARIANT(ADD_CONST_LOCAL, a * 4 + c);
      return 4;
    }
    if (regvm_inside(p, plan, pc + 2, OP_SUB)) {
      *stencil = step ? REGVM_VARIANT(DECREMENT_LOCAL, a)
                      : REGVM_VARIANT(SUB_CONST_LOCAL, a * 4 + c);
      return 4;
    }
  }
  return 0;
}

/* How many instructions the stencil at pc takes (1 to 4) and which stencil it is: the longest
   superinstruction that fits, or the instruction's own. */
static inline size_t regvm_choose(const program *p, const regvm_plan *plan, size_t pc,
                                  enum register_vm_stencil *stencil) {
  size_t on_locals = regvm_choose_on_locals(p, plan, pc, stencil);
  if (on_locals > 0) return on_locals;
  const instruction *in = &p->code[pc];
  int d = plan->depth[pc];
  if (in->op == OP_LESS_THAN && regvm_inside(p, plan, pc + 1, OP_JUMP_IF_FALSE)) {
    *stencil = REGVM_VARIANT(JUMP_IF_NOT_LESS, d);
    return 2;
  }
  if (in->op == OP_PUSH_CONST && d > 0) {
    if (regvm_inside(p, plan, pc + 1, OP_ADD)) { *stencil = REGVM_VARIANT(ADD_CONST, d); return 2; }
    if (regvm_inside(p, plan, pc + 1, OP_SUB)) { *stencil = REGVM_VARIANT(SUB_CONST, d); return 2; }
    if (regvm_inside(p, plan, pc + 1, OP_MUL)) { *stencil = REGVM_VARIANT(MUL_CONST, d); return 2; }
    if (regvm_inside(p, plan, pc + 1, OP_LESS_THAN)
        && regvm_inside(p, plan, pc + 2, OP_JUMP_IF_FALSE)) {
      *stencil = REGVM_VARIANT(JUMP_IF_NOT_LESS_CONST, d);
      return 3;
    }
  }
  switch (in->op) {
    case OP_PUSH_CONST: *stencil = REGVM_VARIANT(PUSH_CONST, d); break;
    case OP_LOAD_LOCAL: *stencil = REGVM_VARIANT(LOAD_LOCAL, d * 4 + (int)in->arg); break;
    case OP_STORE_LOCAL: *stencil = REGVM_VARIANT(STORE_LOCAL, d * 4 + (int)in->arg); break;
    case OP_ADD: *stencil = REGVM_VARIANT(ADD, d); break;
    case OP_SUB: *stencil = REGVM_VARIANT(SUB, d); break;
    case OP_MUL: *stencil = REGVM_VARIANT(MUL, d); break;
    case OP_LESS_THAN: *stencil = REGVM_VARIANT(LESS_THAN, d); break;
    case OP_JUMP: *stencil = REGISTER_VM_STENCIL_JUMP; break;
    case OP_JUMP_IF_FALSE: *stencil = REGVM_VARIANT(JUMP_IF_FALSE, d); break;
    case OP_CALL_HOST: *stencil = REGVM_VARIANT(CALL_HOST, d); break;
    case OP_PUSH_PRIME: *stencil = REGVM_VARIANT(PUSH_PRIME, d); break;
    case OP_RETURN: *stencil = REGVM_VARIANT(RETURN, d); break;
  }
  return 1;
}

/* Pass 1: depths, jump targets, and where each stencil goes. Returns 0, or -1 (no memory, or a
   program deeper than the registers). */
static inline int regvm_plan_program(const program *p, regvm_plan *plan) {
  size_t n = p->length;
  plan->depth = calloc(n, sizeof *plan->depth);
  plan->target = calloc(n, 1);
  plan->code_at = calloc(n, sizeof *plan->code_at);
  plan->data_at = calloc(n, sizeof *plan->data_at);
  size_t *pending = calloc(n, sizeof *pending);
  if (plan->depth == NULL || plan->target == NULL || plan->code_at == NULL
      || plan->data_at == NULL || pending == NULL || regvm_depths(p, plan->depth, pending) != 0) {
    free(pending);
    regvm_free_plan(plan);
    return -1;
  }
  free(pending);
  for (size_t i = 0; i < n; i++) {
    if (p->code[i].op == OP_JUMP || p->code[i].op == OP_JUMP_IF_FALSE) {
      plan->target[p->code[i].arg] = 1;
    }
  }
  size_t code_end = REGISTER_VM_SHIM_CODE_SIZE;
  size_t data_end = jit_data_span(REGISTER_VM_SHIM_DATA_SIZE, REGISTER_VM_DATA_ALIGNMENT);
  for (size_t pc = 0; pc < n;) {
    plan->code_at[pc] = plan->data_at[pc] = -1;
    if (plan->depth[pc] < 0) {
      pc++;
      continue;
    }
    enum register_vm_stencil stencil;
    size_t taken = regvm_choose(p, plan, pc, &stencil);
    plan->code_at[pc] = (long)code_end;
    plan->data_at[pc] = (long)data_end;
    code_end += register_vm_stencils[stencil].code_size;
    data_end += jit_data_span(register_vm_stencils[stencil].data_size, REGISTER_VM_DATA_ALIGNMENT);
    for (size_t k = 1; k < taken; k++) plan->code_at[pc + k] = plan->data_at[pc + k] = -1;
    pc += taken;
  }
  plan->helpers_code_at = code_end;
  plan->helpers_data_at = data_end;
  plan->code_size = code_end + REGISTER_VM_HELPERS_CODE_SIZE;
  plan->data_size = data_end + REGISTER_VM_HELPERS_DATA_SIZE;
  return 0;
}

/* Copies and patches the superinstruction on the locals alone that regvm_choose_on_locals
   found at pc. Returns 0, or not 0 if a value does not fit its hole. */
static inline int regvm_emit_on_locals(const program *p, size_t pc, unsigned char *c,
                                       unsigned char *d, const register_vm_symbols *symbols,
                                       uint64_t target) {
  const instruction *in = &p->code[pc];
  int a = (int)in->arg, b = (int)p->code[pc + 1].arg;
  opcode second = p->code[pc + 1].op;
  if (second == OP_STORE_LOCAL) return register_vm_emit_MOVE_LOCAL(c, d, symbols, a * 4 + b);
  opcode third = p->code[pc + 2].op;
  if (third == OP_LESS_THAN) {
    if (in->op == OP_PUSH_CONST) {
      return in->arg == 0
          ? register_vm_emit_JUMP_IF_LOCAL_NOT_POSITIVE(c, d, symbols, b, target)
          : register_vm_emit_JUMP_IF_NOT_CONST_LESS_LOCAL(c, d, symbols, b, target,
                                                          (uint64_t)in->arg);
    }
    if (second == OP_PUSH_CONST) {
      return register_vm_emit_JUMP_IF_NOT_LOCAL_LESS_CONST(c, d, symbols, a, target,
                                                           (uint64_t)p->code[pc + 1].arg);
    }
    return register_vm_emit_JUMP_IF_NOT_LOCALS_LESS(c, d, symbols, a * 4 + b, target);
  }
  int last = (int)p->code[pc + 3].arg;
  uint64_t value = (uint64_t)p->code[pc + 1].arg;
  int step = second == OP_PUSH_CONST && value == 1 && a == last;
  switch (third) {
    case OP_ADD:
      if (second == OP_LOAD_LOCAL) {
        return register_vm_emit_ADD_LOCALS(c, d, symbols, a * 16 + b * 4 + last);
      }
      return step ? register_vm_emit_INCREMENT_LOCAL(c, d, symbols, a)
                  : register_vm_emit_ADD_CONST_LOCAL(c, d, symbols, a * 4 + last, value);
    case OP_MUL: return register_vm_emit_MUL_LOCALS(c, d, symbols, a * 16 + b * 4 + last);
    default:
      return step ? register_vm_emit_DECREMENT_LOCAL(c, d, symbols, a)
                  : register_vm_emit_SUB_CONST_LOCAL(c, d, symbols, a * 4 + last, value);
  }
}

/* Pass 2: places the native helpers, then copies each stencil to its place and patches its
   holes, calls to the helpers included. Returns 0 or -1. */
static inline int regvm_emit_program(const program *p, const regvm_plan *plan,
                                     unsigned char *code, unsigned char *data) {
  register_vm_symbols helpers = {0};
  unsigned char *helpers_code = code + plan->helpers_code_at;
  int err = register_vm_emit_HELPERS(helpers_code, data + plan->helpers_data_at, &helpers);
  register_vm_link_helpers(&helpers, helpers_code);
  const register_vm_symbols *symbols = &helpers;
  err |= register_vm_emit_SHIM(code, data, symbols);
  for (size_t pc = 0; pc < p->length; pc++) {
    if (plan->code_at[pc] < 0) continue;
    const instruction *in = &p->code[pc];
    unsigned char *c = code + plan->code_at[pc], *d = data + plan->data_at[pc];
    int depth = plan->depth[pc];
    enum register_vm_stencil stencil;
    size_t on_locals = regvm_choose_on_locals(p, plan, pc, &stencil);
    size_t taken = on_locals > 0 ? on_locals : regvm_choose(p, plan, pc, &stencil);
    /* a jump's target, for the instruction that jumps: the last one the stencil takes */
    size_t target_index = (size_t)p->code[pc + taken - 1].arg;
    uint64_t target = target_index < p->length && plan->code_at[target_index] >= 0
        ? (uint64_t)(uintptr_t)(code + plan->code_at[target_index]) : 0;
    uint64_t value = (uint64_t)in->arg;
    if (on_locals > 0) {
      err |= regvm_emit_on_locals(p, pc, c, d, symbols, target);
      continue;
    }
    if (taken > 1) {
      opcode second = p->code[pc + 1].op;
      if (in->op == OP_LESS_THAN) {
        err |= register_vm_emit_JUMP_IF_NOT_LESS(c, d, symbols, depth, target);
      } else if (second == OP_ADD) {
        err |= register_vm_emit_ADD_CONST(c, d, symbols, depth, value);
      } else if (second == OP_SUB) {
        err |= register_vm_emit_SUB_CONST(c, d, symbols, depth, value);
      } else if (second == OP_MUL) {
        err |= register_vm_emit_MUL_CONST(c, d, symbols, depth, value);
      } else {
        err |= register_vm_emit_JUMP_IF_NOT_LESS_CONST(c, d, symbols, depth, target, value);
      }
      continue;
    }
    int at = depth * 4 + (int)in->arg;
    switch (in->op) {
      case OP_PUSH_CONST: err |= register_vm_emit_PUSH_CONST(c, d, symbols, depth, value); break;
      case OP_LOAD_LOCAL: err |= register_vm_emit_LOAD_LOCAL(c, d, symbols, at); break;
      case OP_STORE_LOCAL: err |= register_vm_emit_STORE_LOCAL(c, d, symbols, at); break;
      case OP_ADD: err |= register_vm_emit_ADD(c, d, symbols, depth); break;
      case OP_SUB: err |= register_vm_emit_SUB(c, d, symbols, depth); break;
      case OP_MUL: err |= register_vm_emit_MUL(c, d, symbols, depth); break;
      case OP_LESS_THAN: err |= register_vm_emit_LESS_THAN(c, d, symbols, depth); break;
      case OP_JUMP: err |= register_vm_emit_JUMP(c, d, symbols, target); break;
      case OP_JUMP_IF_FALSE:
        err |= register_vm_emit_JUMP_IF_FALSE(c, d, symbols, depth, target);
        break;
      case OP_CALL_HOST: err |= register_vm_emit_CALL_HOST(c, d, symbols, depth); break;
      case OP_PUSH_PRIME: err |= register_vm_emit_PUSH_PRIME(c, d, symbols, depth, value); break;
      case OP_RETURN: err |= register_vm_emit_RETURN(c, d, symbols, depth); break;
    }
  }
  return err == 0 ? 0 : -1;
}

/* Copy and patch into fresh pages, then make the code executable. Returns 0 or -1; on success,
   free out->memory with jit_memory_unmap. */
static inline int regvm_jit(const program *source, compiled *out) {
  program unrolled;
  instruction *storage;
  if (vm_unroll(source, &unrolled, &storage) != 0) return -1;
  const program *p = &unrolled;
  regvm_plan plan;
  if (regvm_plan_program(p, &plan) != 0) {
    free(storage);
    return -1;
  }
  if (jit_memory_map(&out->memory, plan.code_size, plan.data_size) != 0) {
    regvm_free_plan(&plan);
    free(storage);
    return -1;
  }
  int err = regvm_emit_program(p, &plan, out->memory.code, out->memory.data);
  regvm_free_plan(&plan);
  free(storage);
  return compiled_seal(out, err);
}

#endif
