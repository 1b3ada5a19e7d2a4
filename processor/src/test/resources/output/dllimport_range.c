// Emits the i686 stencil VALUE, a function that returns its dllimport hole _JIT_VALUE (loaded
// from a slot in the stencil's data), with values that fit in 32 bits and one that does not,
// and runs it. Built with gcc -m32 and run under qemu-i386.
#define _DEFAULT_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <sys/mman.h>

#include "calc-i686-pc-windows-msvc.h"

typedef uint32_t entry_fn(void);

static unsigned char *pages(void) {
  void *memory = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  return memory == MAP_FAILED ? NULL : (unsigned char *)memory;
}

// Emits VALUE with `value`; when the emitter accepts it, runs the stencil and prints its result.
static void emit_and_run(uint64_t value) {
  unsigned char *code = pages();
  unsigned char *data = pages();
  calc_symbols symbols = {0};
  int status = calc_emit_VALUE(code, data, &symbols, value);
  printf("%#llx: emit %d", (unsigned long long)value, status);
  if (status == 0 && mprotect(code, 4096, PROT_READ | PROT_EXEC) == 0) {
    entry_fn *entry;
    memcpy(&entry, &code, sizeof entry);
    printf(", returns %#x", (unsigned)entry());
  }
  printf("\n");
  munmap(code, 4096);
  munmap(data, 4096);
}

int main(void) {
  emit_and_run(UINT64_C(5));
  emit_and_run(UINT64_C(0xfffffff0));
  emit_and_run(UINT64_C(0x100000005));
  return 0;
}
