/*
 * The C side of the benchmarks: emits the same 10,000-instruction stack VM program as the Java
 * one (Programs.synthetic) from the generated header, and prints the median time, as "emit"
 * (layout, copy and patch into mapped memory) and "emit + map" (also mmap, mprotect and
 * munmap); then runs each example program, the host-call loop and the large one with the C
 * interpreter and JIT-compiled by both JITs (stack VM, register VM), printing the median time of
 * one execution of each. BenchmarkTable reads these lines.
 */
#define _DEFAULT_SOURCE
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "regvm_jit.h"
#include "stackvm_jit.h"
#include "stackvm_programs.h"

#define LENGTH 10000
#define BLOCK 14
#define WARMUP 50
#define RUNS 201


/* Programs.synthetic(LENGTH): blocks folding a prime's square into local 0, then padding jumps. */
static void synthetic(instruction *code) {
  size_t body = LENGTH - 2, at = 0;
  for (int64_t block = 0; at + BLOCK <= body; block++) {
    int64_t next = (int64_t)(at + BLOCK);
    const instruction b[BLOCK] = {
      {OP_LOAD_LOCAL, 0}, {OP_PUSH_PRIME, block}, {OP_CALL_HOST, 0}, {OP_ADD, 0},
      {OP_PUSH_CONST, block}, {OP_SUB, 0}, {OP_PUSH_CONST, 3}, {OP_MUL, 0}, {OP_STORE_LOCAL, 0},
      {OP_LOAD_LOCAL, 1}, {OP_PUSH_CONST, 2}, {OP_LESS_THAN, 0}, {OP_JUMP_IF_FALSE, next},
      {OP_JUMP, next}};
    memcpy(code + at, b, sizeof b);
    at += BLOCK;
  }
  for (; at < body; at++) {
    code[at] = (instruction){OP_JUMP, (int64_t)at + 1};
  }
  code[at++] = (instruction){OP_LOAD_LOCAL, 0};
  code[at] = (instruction){OP_RETURN, 0};
}

static int64_t now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (int64_t)t.tv_sec * 1000000000 + t.tv_nsec;
}

static int compare(const void *a, const void *b) {
  int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
  return (x > y) - (x < y);
}

static int64_t median(int64_t *times) {
  qsort(times, RUNS, sizeof *times, compare);
  return times[RUNS / 2];
}

#define EXECUTION_RUNS 21

static volatile int64_t sink; /* keeps the results alive */

/* One execution of p, in ns: the median of EXECUTION_RUNS samples of enough executions to last
   a millisecond; by the interpreter when jitted is NULL. */
static int64_t execution_ns(const program *p, const compiled *jitted) {
  static int64_t samples[EXECUTION_RUNS];
  int64_t stack[MAX_STACK], locals[MAX_LOCALS];
  long repeats = 1;
  for (;;) {
    int64_t start = now_ns();
    for (long r = 0; r < repeats; r++) {
      memcpy(locals, p->locals, sizeof locals);
      sink = jitted ? jitted->entry(stack, locals) : interpret(p);
    }
    int64_t elapsed = now_ns() - start;
    if (elapsed >= 1000000 || repeats >= (1L << 24)) break;
    repeats *= 2;
  }
  for (int run = 0; run < EXECUTION_RUNS; run++) {
    int64_t start = now_ns();
    for (long r = 0; r < repeats; r++) {
      memcpy(locals, p->locals, sizeof locals);
      sink = jitted ? jitted->entry(stack, locals) : interpret(p);
    }
    samples[run] = (now_ns() - start) / repeats;
  }
  qsort(samples, EXECUTION_RUNS, sizeof *samples, compare);
  return samples[EXECUTION_RUNS / 2];
}

static void fail(const char *what) {
  fprintf(stderr, "stackvm_bench: %s failed\n", what);
  exit(1);
}

int main(void) {
  static instruction code[LENGTH];
  synthetic(code);
  program p = {"synthetic(10000)", code, LENGTH, {0, 1}};
  stack_vm_symbols symbols = {.stackvm_host_square = (const void *)&stackvm_host_square};
  size_t bytes = STACK_VM_SHIM_CODE_SIZE + STACK_VM_SHIM_DATA_SIZE;
  for (size_t i = 0; i < LENGTH; i++) {
    bytes += code_size(code[i].op) + data_size(code[i].op);
  }

  layout l;
  if (layout_program(&p, &l) != 0) fail("layout");
  jit_memory m;
  if (jit_memory_map(&m, l.code_size, l.data_size) != 0) fail("mmap");
  free_layout(&l);
  static int64_t times[RUNS];
  for (int run = -WARMUP; run < RUNS; run++) {
    int64_t start = now_ns();
    if (layout_program(&p, &l) != 0 || emit_program(&p, &l, m.code, m.data, &symbols) != 0) {
      fail("emit");
    }
    free_layout(&l);
    if (run >= 0) times[run] = now_ns() - start;
  }
  jit_memory_unmap(&m);
  printf("emit %d stencils %zu bytes: median %" PRId64 " ns (%d runs)\n", LENGTH + 1, bytes,
         median(times), RUNS);

  for (int run = -WARMUP; run < RUNS; run++) {
    int64_t start = now_ns();
    compiled c;
    if (jit(&p, &symbols, &c) != 0) fail("jit");
    jit_memory_unmap(&c.memory);
    if (run >= 0) times[run] = now_ns() - start;
  }
  printf("emit + map %d stencils %zu bytes: median %" PRId64 " ns (%d runs)\n", LENGTH + 1, bytes,
         median(times), RUNS);

  const program programs[] = {
    EXAMPLE_PROGRAMS /* the macro ends with a comma */
    /* Programs.sumOfSquares(): s = 0; i = 1; while (i < 1001) { s += square(i); i += 1; } */
    PROGRAM("sum of squares(1..1000)", LOCALS(0, 1),
      I(LOAD_LOCAL, 1), I(PUSH_CONST, 1001), I(LESS_THAN, 0), I(JUMP_IF_FALSE, 14),
      I(LOAD_LOCAL, 1), I(CALL_HOST, 0), I(LOAD_LOCAL, 0), I(ADD, 0), I(STORE_LOCAL, 0),
      I(LOAD_LOCAL, 1), I(PUSH_CONST, 1), I(ADD, 0), I(STORE_LOCAL, 1), I(JUMP, 0),
      I(LOAD_LOCAL, 0), I(RETURN, 0)),
    p};
  for (size_t i = 0; i < sizeof programs / sizeof programs[0]; i++) {
    compiled c, r;
    if (jit(&programs[i], &symbols, &c) != 0) fail("jit");
    if (regvm_jit(&programs[i], &r) != 0) fail("register jit");
    int64_t interpreter = execution_ns(&programs[i], NULL);
    int64_t jitted = execution_ns(&programs[i], &c);
    int64_t registers = execution_ns(&programs[i], &r);
    jit_memory_unmap(&c.memory);
    jit_memory_unmap(&r.memory);
    printf("execute %s: interpreter median %" PRId64 " ns, JIT median %" PRId64
           " ns, register JIT median %" PRId64 " ns (%d runs)\n",
           programs[i].name, interpreter, jitted, registers, EXECUTION_RUNS);
  }
  return 0;
}
