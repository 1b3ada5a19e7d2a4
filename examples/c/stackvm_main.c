/*
 * The stack VM's C consumer: JIT-compiles a few programs from the stencils in the generated
 * header (copy and patch), runs them, and checks each result against the VM's interpreter.
 *
 * By default it includes the dispatcher stack_vm.h, which picks the host's stencils. The
 * execution matrix builds it once per triple instead, with -DSTACKVM_HEADER naming that triple's
 * header, and with -DSTACKVM_ABI=__attribute__((ms_abi)) for x86-64 Windows code run on Linux:
 * the shim and the host helper then use the Windows calling convention, as that code expects.
 */
#define _DEFAULT_SOURCE
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stackvm_jit.h"

STACKVM_ABI int64_t stackvm_host_square(int64_t value) { return (int64_t)((uint64_t)value * (uint64_t)value); }

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

int main(void) {
  const program programs[] = {
    /* factorial(20): acc = 1; while (0 < n) { acc *= n; n -= 1; } */
    PROGRAM("factorial(20)", LOCALS(20, 1),
      I(PUSH_CONST, 0), I(LOAD_LOCAL, 0), I(LESS_THAN, 0), I(JUMP_IF_FALSE, 13),
      I(LOAD_LOCAL, 1), I(LOAD_LOCAL, 0), I(MUL, 0), I(STORE_LOCAL, 1),
      I(LOAD_LOCAL, 0), I(PUSH_CONST, 1), I(SUB, 0), I(STORE_LOCAL, 0), I(JUMP, 0),
      I(LOAD_LOCAL, 1), I(RETURN, 0)),
    /* sum(1..1000000): s = 0; i = 1; while (i < 1000001) { s += i; i += 1; } */
    PROGRAM("sum(1..1000000)", LOCALS(0, 1),
      I(LOAD_LOCAL, 1), I(PUSH_CONST, 1000001), I(LESS_THAN, 0), I(JUMP_IF_FALSE, 13),
      I(LOAD_LOCAL, 0), I(LOAD_LOCAL, 1), I(ADD, 0), I(STORE_LOCAL, 0),
      I(LOAD_LOCAL, 1), I(PUSH_CONST, 1), I(ADD, 0), I(STORE_LOCAL, 1), I(JUMP, 0),
      I(LOAD_LOCAL, 0), I(RETURN, 0)),
    /* fib(90): a = 0; b = 1; while (0 < n) { t = a + b; a = b; b = t; n -= 1; } return a */
    PROGRAM("fib(90)", LOCALS(90, 0, 1, 0),
      I(PUSH_CONST, 0), I(LOAD_LOCAL, 0), I(LESS_THAN, 0), I(JUMP_IF_FALSE, 17),
      I(LOAD_LOCAL, 1), I(LOAD_LOCAL, 2), I(ADD, 0), I(STORE_LOCAL, 3),
      I(LOAD_LOCAL, 2), I(STORE_LOCAL, 1), I(LOAD_LOCAL, 3), I(STORE_LOCAL, 2),
      I(LOAD_LOCAL, 0), I(PUSH_CONST, 1), I(SUB, 0), I(STORE_LOCAL, 0), I(JUMP, 0),
      I(LOAD_LOCAL, 1), I(RETURN, 0)),
    /* the squares of the primes 2..53 from the stencil's table, squared by the host, summed */
    PROGRAM("sum of squared primes", LOCALS(0),
      I(PUSH_PRIME, 0), I(CALL_HOST, 0), I(LOAD_LOCAL, 0), I(ADD, 0), I(STORE_LOCAL, 0),
      I(PUSH_PRIME, 1), I(CALL_HOST, 0), I(LOAD_LOCAL, 0), I(ADD, 0), I(STORE_LOCAL, 0),
      I(PUSH_PRIME, 2), I(CALL_HOST, 0), I(LOAD_LOCAL, 0), I(ADD, 0), I(STORE_LOCAL, 0),
      I(PUSH_PRIME, 3), I(CALL_HOST, 0), I(LOAD_LOCAL, 0), I(ADD, 0), I(STORE_LOCAL, 0),
      I(PUSH_PRIME, 4), I(CALL_HOST, 0), I(LOAD_LOCAL, 0), I(ADD, 0), I(STORE_LOCAL, 0),
      I(PUSH_PRIME, 5), I(CALL_HOST, 0), I(LOAD_LOCAL, 0), I(ADD, 0), I(STORE_LOCAL, 0),
      I(PUSH_PRIME, 6), I(CALL_HOST, 0), I(LOAD_LOCAL, 0), I(ADD, 0), I(STORE_LOCAL, 0),
      I(PUSH_PRIME, 7), I(CALL_HOST, 0), I(LOAD_LOCAL, 0), I(ADD, 0), I(STORE_LOCAL, 0),
      I(PUSH_PRIME, 8), I(CALL_HOST, 0), I(LOAD_LOCAL, 0), I(ADD, 0), I(STORE_LOCAL, 0),
      I(PUSH_PRIME, 9), I(CALL_HOST, 0), I(LOAD_LOCAL, 0), I(ADD, 0), I(STORE_LOCAL, 0),
      I(PUSH_PRIME, 10), I(CALL_HOST, 0), I(LOAD_LOCAL, 0), I(ADD, 0), I(STORE_LOCAL, 0),
      I(PUSH_PRIME, 11), I(CALL_HOST, 0), I(LOAD_LOCAL, 0), I(ADD, 0), I(STORE_LOCAL, 0),
      I(PUSH_PRIME, 12), I(CALL_HOST, 0), I(LOAD_LOCAL, 0), I(ADD, 0), I(STORE_LOCAL, 0),
      I(PUSH_PRIME, 13), I(CALL_HOST, 0), I(LOAD_LOCAL, 0), I(ADD, 0), I(STORE_LOCAL, 0),
      I(PUSH_PRIME, 14), I(CALL_HOST, 0), I(LOAD_LOCAL, 0), I(ADD, 0), I(STORE_LOCAL, 0),
      I(PUSH_PRIME, 15), I(CALL_HOST, 0), I(LOAD_LOCAL, 0), I(ADD, 0), I(STORE_LOCAL, 0),
      I(LOAD_LOCAL, 0), I(RETURN, 0)),
  };
  size_t count = sizeof programs / sizeof programs[0];
  int failures = 0;
  printf("stack VM (C), stencils for %s\n", STACK_VM_TRIPLE);
  printf("%-24s %22s %22s  %s\n", "program", "interpreter", "JIT", "");
  for (size_t i = 0; i < count; i++) {
    const program *p = &programs[i];
    int64_t expected = interpret(p);
    compiled c;
    stack_vm_symbols symbols = {.stackvm_host_square = (const void *)&stackvm_host_square};
    if (jit(p, &symbols, &c) != 0) {
      printf("%-24s %22" PRId64 " %22s  FAILED (emit)\n", p->name, expected, "-");
      failures++;
      continue;
    }
    int64_t stack[MAX_STACK], locals[MAX_LOCALS];
    memcpy(locals, p->locals, sizeof locals);
    int64_t actual = c.entry(stack, locals);
    munmap(c.memory, c.size);
    int equal = actual == expected;
    failures += !equal;
    printf("%-24s %22" PRId64 " %22" PRId64 "  %s\n", p->name, expected, actual,
           equal ? "equal" : "DIFFERENT");
  }
  printf("%zu programs, %d different\n", count, failures);
  return failures == 0 ? 0 : 1;
}
