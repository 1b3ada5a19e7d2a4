/* The register VM's native helpers: compiled with its stencils, placed once, and called from
   them with a native call (no JVM upcall). */
#include "regvm.h"

REGVM_HELPER int64_t regvm_square(int64_t value) {
  return (int64_t)((uint64_t)value * (uint64_t)value);
}
