/*
 * The differential test's template: each case is one Csmith program (see CsmithProgram.java),
 * whose file the template includes three times -- its declarations before the entry, its main
 * inside the entry's switch, its functions after the entry -- so _JIT_ENTRY is the first function
 * and every program can be built alone, in a batch of its own or in a batch shared with others.
 * The entry runs the program and returns its checksum.
 */
#include "csmith.h"

#define FUZZ_QUOTE(text) #text
#define FUZZ_PROGRAM(name) FUZZ_QUOTE(name.c)

#define FUZZ_PART_DECLARATIONS
#include FUZZ_PROGRAM(_JIT_CASE)
#undef FUZZ_PART_DECLARATIONS

uint32_t _JIT_ENTRY(void) {
  switch (_JIT_CASE) {
    CASE
  }
  return 0;
}

#include FUZZ_PROGRAM(_JIT_CASE)
