// Includes the generated dispatcher header alone, so that it can be compiled with the strictest
// warnings as C11 and as C++17: the header must be clean where its users' code may not be.
#include "test_vm.h"

int header_only_stencil_count(void);

int header_only_stencil_count(void) {
  return TEST_VM_STENCIL_COUNT;
}
