/*
 * The C consumers' report (stackvm_main.c, regvm_main.c): JIT-compiles each example program,
 * runs it, and prints its result next to the interpreter's.
 */
#ifndef VM_REPORT_H
#define VM_REPORT_H

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "stackvm_programs.h"

/* A JIT: compiles p into out, returns 0 or -1. */
typedef int (*jit_fn)(const program *p, compiled *out);

/* Prints one row per example program under "title, stencils for triple" and a summary;
   returns the process's exit status: 0 if every result equals the interpreter's. */
static int report(const char *title, const char *triple, jit_fn jit) {
  const program programs[] = {EXAMPLE_PROGRAMS};
  size_t count = sizeof programs / sizeof programs[0];
  int failures = 0;
  printf("%s, stencils for %s\n", title, triple);
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
    jit_memory_unmap(&c.memory);
    int equal = actual == expected;
    failures += !equal;
    printf("%-24s %22" PRId64 " %22" PRId64 "  %s\n", p->name, expected, actual,
           equal ? "equal" : "DIFFERENT");
  }
  printf("%zu programs, %d different\n", count, failures);
  return failures == 0 ? 0 : 1;
}

#endif
