/*
 * Stencils whose holes are __declspec(dllimport): the code loads each address from an __imp_
 * pointer (a GOT slot in all but name), the way Windows stencils reach 64-bit operands.
 * The file name is longer than 18 bytes, so the .file symbol has two auxiliary records.
 */
#include <stdint.h>

#define IMPORT __declspec(dllimport)

IMPORT extern char _JIT_OPERAND[];
IMPORT extern int64_t imported_counter;
IMPORT extern const double imported_scale[4];
IMPORT int64_t imported_function(int64_t);
extern int64_t local_helper(int64_t);

int64_t stencil_import_data(int64_t x) {
  imported_counter += x;
  return x + (int64_t)(uintptr_t)_JIT_OPERAND;
}

int64_t stencil_import_call(int64_t x) {
  return imported_function(x) + local_helper(x);
}

int64_t stencil_import_table(int64_t x) {
  return (int64_t)(imported_scale[x & 3] * 0.5) / (x | 1);
}

int64_t stencil_import_tail(int64_t x) {
  __attribute__((musttail)) return imported_function(x + (int64_t)(uintptr_t)_JIT_OPERAND);
}
