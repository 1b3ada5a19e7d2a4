#include "calc.h"
extern int64_t STENCIL_CC _JIT_CONTINUE(int64_t acc);
int64_t STENCIL_CC _JIT_ENTRY(int64_t acc) {
  switch (_JIT_CASE) {
    CASE
  }
  __attribute__((musttail)) return _JIT_CONTINUE(acc);
}
