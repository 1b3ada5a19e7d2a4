/*
 * Stencil-shaped functions for the ELF reader's differential test: every construct whose
 * sections, symbols or relocations a stencil builder must understand.
 */
#include <stddef.h>
#include <stdint.h>

#if defined(__x86_64__) || defined(__aarch64__)
#define JIT_CC __attribute__((preserve_none))
#else
#define JIT_CC
#endif

typedef struct {
  int64_t acc;
  int64_t calls;
} jit_state;

/* Holes: only their addresses are used, so each one becomes a relocation. */
extern char _JIT_VALUE[];
extern char _JIT_OPERAND0[];
extern int64_t JIT_CC _JIT_CONTINUE(jit_state *st, int64_t x);
extern int64_t JIT_CC _JIT_JUMP_TARGET(jit_state *st, int64_t x);
extern int external_helper(int);

#define VALUE ((int64_t)(uintptr_t)_JIT_VALUE)
#define CONTINUE(x) do { __attribute__((musttail)) return _JIT_CONTINUE(st, (x)); } while (0)

static const uint32_t kTable[64] = {
    0x00000000, 0x77073096, 0xee0e612c, 0x990951ba, 0x076dc419, 0x706af48f, 0xe963a535,
    0x9e6495a3, 0x0edb8832, 0x79dcb8a4, 0xe0d5e91e, 0x97d2d988, 0x09b64c2b, 0x7eb17cbd,
    0xe7b82d07, 0x90bf1d91, 0x1db71064, 0x6ab020f2, 0xf3b97148, 0x84be41de, 0x1adad47d,
    0x6ddde4eb, 0xf4d4b551, 0x83d385c7, 0x136c9856, 0x646ba8c0, 0xfd62f97a, 0x8a65c9ec,
    0x14015c4f, 0x63066cd9, 0xfa0f3d63, 0x8d080df5, 0x3b6e20c8, 0x4c69105e, 0xd56041e4,
    0xa2677172, 0x3c03e4d1, 0x4b04d447, 0xd20d85fd, 0xa50ab56b, 0x35b5a8fa, 0x42b2986c,
    0xdbbbc9d6, 0xacbcf940, 0x32d86ce3, 0x45df5c75, 0xdcd60dcf, 0xabd13d59, 0x26d930ac,
    0x51de003a, 0xc8d75180, 0xbfd061d6, 0x21b4f4b5, 0x56b3c423, 0xcfba9599, 0xb8bda50f,
    0x2802b89e, 0x5f058808, 0xc60cd9b2, 0xb10be924, 0x2f6f7c87, 0x58684c11, 0xc1611dab,
    0xb6662d3d};

static int64_t scratch[32];         /* .bss */
int64_t counters[4] = {1, 2, 3, 4}; /* .data */
static const char *const kNames[] = {"zero", "one", "two"};

int64_t JIT_CC stencil_add(jit_state *st, int64_t x) { CONTINUE(x + VALUE); }

int64_t JIT_CC stencil_operand(jit_state *st, int64_t x) {
  CONTINUE(x ^ (int64_t)(uintptr_t)_JIT_OPERAND0);
}

int64_t JIT_CC stencil_branch(jit_state *st, int64_t x) {
  if (x == VALUE) {
    __attribute__((musttail)) return _JIT_JUMP_TARGET(st, x);
  }
  CONTINUE(x - 1);
}

int64_t JIT_CC stencil_call(jit_state *st, int64_t x) {
  st->calls++;
  CONTINUE(external_helper((int)x) + external_helper((int)VALUE));
}

int64_t JIT_CC stencil_float(jit_state *st, int64_t x) {
  double d = (double)x * 1.0000001 + 0.3333;
  CONTINUE((int64_t)(d / 2.5));
}

int64_t JIT_CC stencil_string(jit_state *st, int64_t x) {
  const char *s = x > 0 ? "positive, and a long enough literal" : kNames[x & 1];
  CONTINUE(s[(x & 3)] + (int64_t)(uintptr_t)"second");
}

int64_t JIT_CC stencil_table(jit_state *st, int64_t x) { CONTINUE(kTable[(x ^ VALUE) & 63]); }

int64_t JIT_CC stencil_memory(jit_state *st, int64_t x) {
  scratch[x & 31] += x;
  counters[x & 3] += scratch[(x + 1) & 31];
  CONTINUE(counters[0] + scratch[0]);
}

int64_t JIT_CC stencil_switch(jit_state *st, int64_t x) {
  int64_t r;
  switch ((x ^ VALUE) & 31) {
    case 0: r = x + 11; break;
    case 1: r = x * 3; break;
    case 2: r = x - 7; break;
    case 3: r = x << 2; break;
    case 4: r = x >> 1; break;
    case 5: r = x ^ 0x55; break;
    case 6: r = x | 0x100; break;
    case 7: r = x & 0xff; break;
    case 8: r = -x; break;
    case 9: r = ~x; break;
    case 10: r = x * x; break;
    case 11: r = x + 1000003; break;
    case 12: r = x / 7; break;
    case 13: r = x % 13; break;
    case 14: r = x * 17 + 5; break;
    case 15: r = x - 99999; break;
    case 16: r = x * 31; break;
    case 17: r = x + 2; break;
    default: r = 0; break;
  }
  CONTINUE(r);
}

int64_t JIT_CC stencil_exit(jit_state *st, int64_t x) {
  st->acc = x;
  return x;
}
