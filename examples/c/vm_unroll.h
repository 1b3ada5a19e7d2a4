/*
 * Unrolls a program's innermost loops, the twin of LoopUnrolling in Java: a loop's body is laid
 * out up to VM_UNROLL_MAX_COPIES times in a row (at most VM_UNROLL_MAX_INSTRUCTIONS in all), so
 * that the hot path takes one branch per several iterations rather than one per iteration.
 *
 * A loop is an unconditional jump back, JUMP t at j, whose body t..j-1 holds no other backward
 * jump. Every copy of a body is the same code, so a jump may go to the matching instruction of
 * any copy: jumps within a copy stay in it, the copy's own jump back falls into the next copy,
 * and jumps from outside go to the first copy. The last copy ends with the jump back to the
 * first. Innermost loops never overlap, so each is unrolled on its own.
 */
#ifndef VM_UNROLL_H
#define VM_UNROLL_H

#include <stdlib.h>

#include "vm_program.h"

#define VM_UNROLL_MAX_INSTRUCTIONS 64
#define VM_UNROLL_MAX_COPIES 4

/* The target of the jump at pc if it is an unconditional jump back, -1 otherwise. */
static inline long vm_backward_target(const program *p, size_t pc) {
  const instruction *in = &p->code[pc];
  return in->op == OP_JUMP && in->arg >= 0 && (size_t)in->arg < pc ? (long)in->arg : -1;
}

static inline size_t vm_unroll_copies(size_t head, size_t jump) {
  size_t copies = VM_UNROLL_MAX_INSTRUCTIONS / (jump - head);
  return copies < VM_UNROLL_MAX_COPIES ? copies : VM_UNROLL_MAX_COPIES;
}

/* The jump target of in, moved to where its target went: into the same copy (shift past the
   first) if the target is in the loop that starts at loop (-1 for none), else the first copy. */
static inline instruction vm_retargeted(instruction in, const size_t *first, const long *loop_of,
                                        long loop, size_t shift) {
  if (in.op == OP_JUMP || in.op == OP_JUMP_IF_FALSE) {
    size_t target = (size_t)in.arg;
    in.arg = (int64_t)(first[target] + (loop >= 0 && loop_of[target] == loop ? shift : 0));
  }
  return in;
}

/* Writes p with its innermost loops unrolled to out, its code in fresh memory that *storage
   owns (free it), or leaves out = *p and *storage = NULL if no loop is unrolled. Returns 0, or
   -1 with no memory. */
static inline int vm_unroll(const program *p, program *out, instruction **storage) {
  size_t n = p->length;
  *out = *p;
  *storage = NULL;
  size_t *back_jump = calloc(n, sizeof *back_jump);
  size_t *first = calloc(n, sizeof *first);
  long *loop_of = calloc(n, sizeof *loop_of);
  int unrolled = 0, err = back_jump == NULL || first == NULL || loop_of == NULL;
  /* innermost loops: no jump back between a loop's head and its own jump back */
  long previous_jump_back = -1;
  for (size_t jump = 0; !err && jump < n; jump++) {
    long head = vm_backward_target(p, jump);
    if (head < 0) continue;
    if (head > previous_jump_back && vm_unroll_copies((size_t)head, jump) > 1) {
      back_jump[head] = jump;
      unrolled = 1;
    }
    previous_jump_back = (long)jump;
  }
  size_t size = 0;
  for (size_t pc = 0; !err && pc < n; pc++) {
    loop_of[pc] = -1;
    first[pc] = size++;
    size_t jump = back_jump[pc];
    if (jump > 0) {
      for (size_t inside = pc; inside <= jump; inside++) {
        first[inside] = first[pc] + inside - pc;
        loop_of[inside] = (long)pc;
      }
      size = first[pc] + vm_unroll_copies(pc, jump) * (jump - pc) + 1;
      pc = jump;
    }
  }
  instruction *code = !err && unrolled ? malloc(size * sizeof *code) : NULL;
  err |= unrolled && code == NULL;
  if (code != NULL && !err) {
    size_t at = 0;
    for (size_t pc = 0; pc < n; pc++) {
      size_t jump = back_jump[pc];
      if (jump == 0) {
        code[at++] = vm_retargeted(p->code[pc], first, loop_of, -1, 0);
        continue;
      }
      for (size_t copy = 0; copy < vm_unroll_copies(pc, jump); copy++) {
        for (size_t inside = pc; inside < jump; inside++) {
          code[at++] = vm_retargeted(p->code[inside], first, loop_of, (long)pc,
                                     copy * (jump - pc));
        }
      }
      code[at++] = (instruction){OP_JUMP, (int64_t)first[pc]};
      pc = jump;
    }
    out->code = code;
    out->length = size;
    *storage = code;
  }
  free(back_jump);
  free(first);
  free(loop_of);
  return err ? -1 : 0;
}

#endif
