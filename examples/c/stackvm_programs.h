/*
 * The stack VM's reference interpreter and its four example programs, shared by the C consumer
 * (stackvm_main.c) and the C benchmark (stackvm_bench.c).
 */
#ifndef STACKVM_PROGRAMS_H
#define STACKVM_PROGRAMS_H

#include <stdint.h>
#include <string.h>

#include "vm_program.h"

static STACKVM_ABI int64_t stackvm_host_square(int64_t value) { return (int64_t)((uint64_t)value * (uint64_t)value); }

static const int64_t primes[16] = {2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53};

/* The reference: a plain switch interpreter with the same wrapping arithmetic. */
static int64_t interpret(const program *p) {
  int64_t stack[MAX_STACK], locals[MAX_LOCALS];
  memcpy(locals, p->locals, sizeof locals);
  int64_t *sp = stack;
  size_t pc = 0;
  for (;;) {
    const instruction *in = &p->code[pc++];
    switch (in->op) {
      case OP_PUSH_CONST: *sp++ = in->arg; break;
      case OP_LOAD_LOCAL: *sp++ = locals[in->arg]; break;
      case OP_STORE_LOCAL: locals[in->arg] = *--sp; break;
      case OP_ADD: sp--; sp[-1] = (int64_t)((uint64_t)sp[-1] + (uint64_t)sp[0]); break;
      case OP_SUB: sp--; sp[-1] = (int64_t)((uint64_t)sp[-1] - (uint64_t)sp[0]); break;
      case OP_MUL: sp--; sp[-1] = (int64_t)((uint64_t)sp[-1] * (uint64_t)sp[0]); break;
      case OP_LESS_THAN: sp--; sp[-1] = sp[-1] < sp[0]; break;
      case OP_JUMP: pc = (size_t)in->arg; break;
      case OP_JUMP_IF_FALSE: if (*--sp == 0) pc = (size_t)in->arg; break;
      case OP_CALL_HOST: sp[-1] = stackvm_host_square(sp[-1]); break;
      case OP_PUSH_PRIME: *sp++ = primes[in->arg & 15]; break;
      case OP_RETURN: return sp[-1];
    }
  }
}

#define PROGRAM(name, locals, ...) \
  {name, (const instruction[]){__VA_ARGS__}, \
   sizeof((const instruction[]){__VA_ARGS__}) / sizeof(instruction), locals}
#define I(op, arg) {OP_##op, arg}
#define LOCALS(...) {__VA_ARGS__}


/* The example programs' initialisers, in the order every report lists them:
   const program programs[] = {EXAMPLE_PROGRAMS}; (compound literals need a block scope).
   A test defines its own before including this header to run other programs. */
#ifndef EXAMPLE_PROGRAMS
#define EXAMPLE_PROGRAMS \
    /* factorial(20): acc = 1; while (0 < n) { acc *= n; n -= 1; } */ \
    PROGRAM("factorial(20)", LOCALS(20, 1), \
      I(PUSH_CONST, 0), I(LOAD_LOCAL, 0), I(LESS_THAN, 0), I(JUMP_IF_FALSE, 13), \
      I(LOAD_LOCAL, 1), I(LOAD_LOCAL, 0), I(MUL, 0), I(STORE_LOCAL, 1), \
      I(LOAD_LOCAL, 0), I(PUSH_CONST, 1), I(SUB, 0), I(STORE_LOCAL, 0), I(JUMP, 0), \
      I(LOAD_LOCAL, 1), I(RETURN, 0)), \
    /* sum(1..1000000): s = 0; i = 1; while (i < 1000001) { s += i; i += 1; } */ \
    PROGRAM("sum(1..1000000)", LOCALS(0, 1), \
      I(LOAD_LOCAL, 1), I(PUSH_CONST, 1000001), I(LESS_THAN, 0), I(JUMP_IF_FALSE, 13), \
      I(LOAD_LOCAL, 0), I(LOAD_LOCAL, 1), I(ADD, 0), I(STORE_LOCAL, 0), \
      I(LOAD_LOCAL, 1), I(PUSH_CONST, 1), I(ADD, 0), I(STORE_LOCAL, 1), I(JUMP, 0), \
      I(LOAD_LOCAL, 0), I(RETURN, 0)), \
    /* fib(90): a = 0; b = 1; while (0 < n) { t = a + b; a = b; b = t; n -= 1; } return a */ \
    PROGRAM("fib(90)", LOCALS(90, 0, 1, 0), \
      I(PUSH_CONST, 0), I(LOAD_LOCAL, 0), I(LESS_THAN, 0), I(JUMP_IF_FALSE, 17), \
      I(LOAD_LOCAL, 1), I(LOAD_LOCAL, 2), I(ADD, 0), I(STORE_LOCAL, 3), \
      I(LOAD_LOCAL, 2), I(STORE_LOCAL, 1), I(LOAD_LOCAL, 3), I(STORE_LOCAL, 2), \
      I(LOAD_LOCAL, 0), I(PUSH_CONST, 1), I(SUB, 0), I(STORE_LOCAL, 0), I(JUMP, 0), \
      I(LOAD_LOCAL, 1), I(RETURN, 0)), \
    /* the squares of the primes 2..53 from the stencil's table, squared by the host, summed */ \
    PROGRAM("sum of squared primes", LOCALS(0), \
      I(PUSH_PRIME, 0), I(CALL_HOST, 0), I(LOAD_LOCAL, 0), I(ADD, 0), I(STORE_LOCAL, 0), \
      I(PUSH_PRIME, 1), I(CALL_HOST, 0), I(LOAD_LOCAL, 0), I(ADD, 0), I(STORE_LOCAL, 0), \
      I(PUSH_PRIME, 2), I(CALL_HOST, 0), I(LOAD_LOCAL, 0), I(ADD, 0), I(STORE_LOCAL, 0), \
      I(PUSH_PRIME, 3), I(CALL_HOST, 0), I(LOAD_LOCAL, 0), I(ADD, 0), I(STORE_LOCAL, 0), \
      I(PUSH_PRIME, 4), I(CALL_HOST, 0), I(LOAD_LOCAL, 0), I(ADD, 0), I(STORE_LOCAL, 0), \
      I(PUSH_PRIME, 5), I(CALL_HOST, 0), I(LOAD_LOCAL, 0), I(ADD, 0), I(STORE_LOCAL, 0), \
      I(PUSH_PRIME, 6), I(CALL_HOST, 0), I(LOAD_LOCAL, 0), I(ADD, 0), I(STORE_LOCAL, 0), \
      I(PUSH_PRIME, 7), I(CALL_HOST, 0), I(LOAD_LOCAL, 0), I(ADD, 0), I(STORE_LOCAL, 0), \
      I(PUSH_PRIME, 8), I(CALL_HOST, 0), I(LOAD_LOCAL, 0), I(ADD, 0), I(STORE_LOCAL, 0), \
      I(PUSH_PRIME, 9), I(CALL_HOST, 0), I(LOAD_LOCAL, 0), I(ADD, 0), I(STORE_LOCAL, 0), \
      I(PUSH_PRIME, 10), I(CALL_HOST, 0), I(LOAD_LOCAL, 0), I(ADD, 0), I(STORE_LOCAL, 0), \
      I(PUSH_PRIME, 11), I(CALL_HOST, 0), I(LOAD_LOCAL, 0), I(ADD, 0), I(STORE_LOCAL, 0), \
      I(PUSH_PRIME, 12), I(CALL_HOST, 0), I(LOAD_LOCAL, 0), I(ADD, 0), I(STORE_LOCAL, 0), \
      I(PUSH_PRIME, 13), I(CALL_HOST, 0), I(LOAD_LOCAL, 0), I(ADD, 0), I(STORE_LOCAL, 0), \
      I(PUSH_PRIME, 14), I(CALL_HOST, 0), I(LOAD_LOCAL, 0), I(ADD, 0), I(STORE_LOCAL, 0), \
      I(PUSH_PRIME, 15), I(CALL_HOST, 0), I(LOAD_LOCAL, 0), I(ADD, 0), I(STORE_LOCAL, 0), \
      I(LOAD_LOCAL, 0), I(RETURN, 0)),
#endif

#endif
