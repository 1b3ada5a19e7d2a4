#include "calc.h"
extern int64_t STENCIL_CC _JIT_CONTINUE(int64_t acc);
int64_t _JIT_ENTRY(int64_t acc) {
  return _JIT_CONTINUE(acc);
}
