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
#include <sys/mman.h>

#ifdef STACKVM_HEADER
#include STACKVM_HEADER
#else
#include "stack_vm.h"
#endif

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

static size_t code_size(opcode op) {
  static const enum stack_vm_stencil stencil_of[] = {
    STACK_VM_STENCIL_PUSH_CONST, STACK_VM_STENCIL_LOAD_LOCAL, STACK_VM_STENCIL_STORE_LOCAL,
    STACK_VM_STENCIL_ADD, STACK_VM_STENCIL_SUB, STACK_VM_STENCIL_MUL, STACK_VM_STENCIL_LESS_THAN,
    STACK_VM_STENCIL_JUMP, STACK_VM_STENCIL_JUMP_IF_FALSE, STACK_VM_STENCIL_CALL_HOST,
    STACK_VM_STENCIL_PUSH_PRIME, STACK_VM_STENCIL_RETURN};
  return stack_vm_stencils[stencil_of[op]].code_size;
}

static size_t data_size(opcode op) {
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

typedef int64_t (STACKVM_ABI *entry_fn)(int64_t *stack, int64_t *locals);

typedef struct {
  unsigned char *memory;
  size_t size;
  entry_fn entry;
} compiled;

/*
 * Copy and patch: pass 1 lays out every instruction's code (after the shim) and data, so jump
 * targets are known; pass 2 copies each stencil to its place and patches its holes.
 */
static int jit(const program *p, compiled *out) {
  size_t n = p->length;
  size_t *code_at = calloc(n + 1, sizeof *code_at);
  size_t *data_at = calloc(n + 1, sizeof *data_at);
  if (code_at == NULL || data_at == NULL) return -1;
  size_t code_end = STACK_VM_SHIM_CODE_SIZE, data_end = STACK_VM_SHIM_DATA_SIZE;
  for (size_t i = 0; i < n; i++) {
    code_at[i] = code_end;
    code_end += code_size(p->code[i].op);
  }
  size_t data_start = (code_end + 15) & ~(size_t)15; /* stencil data is 16-byte aligned */
  for (size_t i = 0; i < n; i++) {
    data_at[i] = data_start + data_end;
    data_end += data_size(p->code[i].op);
  }
  size_t size = (data_start + data_end + 4095) & ~(size_t)4095;
  unsigned char *m = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (m == MAP_FAILED) return -1;
  stack_vm_symbols symbols = {.stackvm_host_square = (const void *)&stackvm_host_square};
  int err = stack_vm_emit_SHIM(m, m + data_start, &symbols);
  for (size_t i = 0; i < n; i++) {
    const instruction *in = &p->code[i];
    unsigned char *c = m + code_at[i], *d = m + data_at[i];
    uint64_t target = (uint64_t)(uintptr_t)(m + code_at[(size_t)in->arg < n ? (size_t)in->arg : 0]);
    switch (in->op) {
      case OP_PUSH_CONST: err |= stack_vm_emit_PUSH_CONST(c, d, &symbols, (uint64_t)in->arg); break;
      case OP_LOAD_LOCAL: err |= stack_vm_emit_LOAD_LOCAL(c, d, &symbols, (uint64_t)in->arg); break;
      case OP_STORE_LOCAL: err |= stack_vm_emit_STORE_LOCAL(c, d, &symbols, (uint64_t)in->arg); break;
      case OP_ADD: err |= stack_vm_emit_ADD(c, d, &symbols); break;
      case OP_SUB: err |= stack_vm_emit_SUB(c, d, &symbols); break;
      case OP_MUL: err |= stack_vm_emit_MUL(c, d, &symbols); break;
      case OP_LESS_THAN: err |= stack_vm_emit_LESS_THAN(c, d, &symbols); break;
      case OP_JUMP: err |= stack_vm_emit_JUMP(c, d, &symbols, target); break;
      case OP_JUMP_IF_FALSE: err |= stack_vm_emit_JUMP_IF_FALSE(c, d, &symbols, target); break;
      case OP_CALL_HOST: err |= stack_vm_emit_CALL_HOST(c, d, &symbols); break;
      case OP_PUSH_PRIME: err |= stack_vm_emit_PUSH_PRIME(c, d, &symbols, (uint64_t)in->arg); break;
      case OP_RETURN: err |= stack_vm_emit_RETURN(c, d, &symbols); break;
    }
  }
  free(code_at);
  free(data_at);
  __builtin___clear_cache((char *)m, (char *)m + size); /* AArch64 fetches from its i-cache */
  if (err != 0 || mprotect(m, size, PROT_READ | PROT_EXEC) != 0) {
    munmap(m, size);
    return -1;
  }
  out->memory = m;
  out->size = size;
  out->entry = (entry_fn)(void *)m;
  return 0;
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
    if (jit(p, &c) != 0) {
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
