/*
 * A freestanding stand-in for Csmith's runtime header, for Stencil4j's differential test.
 *
 * Debian's csmith package ships no runtime headers, and Csmith's own need libc (printf, math.h,
 * assert.h), which stencils cannot call. This one is written from Csmith's documented semantics:
 * the safe_* wrappers return their first operand (the shifted value, for shifts) where the plain
 * operation would be undefined or overflow -- for 32- and 64-bit signed add, sub, mul and
 * negation; for every division and remainder by zero or of MIN by -1; for shifts of negative
 * values, by negative counts, by 32 or more (Csmith's limit for every width, 64-bit included) or
 * out of range -- and otherwise compute the C result converted to the type. The checksum is the
 * CRC-32 (polynomial 0xEDB88320) of each checked value's 8 little-endian bytes.
 *
 * The functions are static inline: clang emits any copy it does not inline after the function
 * that first calls it, so the stencil's entry stays first in its code. (always_inline would make
 * sure, but makes clang 2-3 times slower on Csmith's programs.) Printing is compiled away: Csmith
 * only prints when asked to.
 */
#ifndef FUZZ_CSMITH_H
#define FUZZ_CSMITH_H

#include <limits.h>
#include <stdint.h>

#define FUZZ_INLINE static inline __attribute__((unused))

#define printf(...) ((void)0)
#define platform_main_begin() ((void)0)

static uint32_t crc32_tab[256];
static uint32_t crc32_context = 0xFFFFFFFFu;

FUZZ_INLINE void crc32_gentab(void) {
  for (uint32_t i = 0; i < 256; i++) {
    uint32_t crc = i;
    for (int bit = 0; bit < 8; bit++) {
      crc = (crc & 1) ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
    }
    crc32_tab[i] = crc;
  }
}

FUZZ_INLINE void fuzz_crc32_byte(uint8_t byte) {
  crc32_context = (crc32_context >> 8) ^ crc32_tab[(crc32_context ^ byte) & 0xFF];
}

FUZZ_INLINE void transparent_crc(uint64_t value, const char *name, int print) {
  (void)name;
  (void)print;
  for (int shift = 0; shift < 64; shift += 8) {
    fuzz_crc32_byte((uint8_t)(value >> shift));
  }
}

FUZZ_INLINE void transparent_crc_bytes(const void *bytes, int count, const char *name,
                                       int print) {
  (void)name;
  (void)print;
  for (int i = 0; i < count; i++) {
    fuzz_crc32_byte(((const uint8_t *)bytes)[i]);
  }
}

/* The wrappers of one signed type T. CHECKED is 1 for int and wider, where the plain operation
   may overflow; narrower types are computed in int and converted back (wrapping). */
#define FUZZ_SIGNED(T, MIN, MAX, CHECKED)                                                      \
  FUZZ_INLINE T safe_unary_minus_func_##T##_s(T a) {                                           \
    return (CHECKED && a == MIN) ? a : (T)-a;                                                  \
  }                                                                                            \
  FUZZ_INLINE T safe_add_func_##T##_s_s(T a, T b) {                                            \
    return (CHECKED && ((b > 0 && a > MAX - b) || (b < 0 && a < MIN - b))) ? a : (T)(a + b);   \
  }                                                                                            \
  FUZZ_INLINE T safe_sub_func_##T##_s_s(T a, T b) {                                            \
    return (CHECKED && ((b < 0 && a > MAX + b) || (b > 0 && a < MIN + b))) ? a : (T)(a - b);   \
  }                                                                                            \
  FUZZ_INLINE T safe_mul_func_##T##_s_s(T a, T b) {                                            \
    int overflows = CHECKED && ((a > 0 && b > 0 && a > MAX / b)                                \
        || (a > 0 && b <= 0 && b < MIN / a) || (a <= 0 && b > 0 && a < MIN / b)                \
        || (a < 0 && b <= 0 && b < MAX / a));                                                  \
    return overflows ? a : (T)(a * b);                                                         \
  }                                                                                            \
  FUZZ_INLINE T safe_div_func_##T##_s_s(T a, T b) {                                            \
    return (b == 0 || (a == MIN && b == -1)) ? a : (T)(a / b);                                 \
  }                                                                                            \
  FUZZ_INLINE T safe_mod_func_##T##_s_s(T a, T b) {                                            \
    return (b == 0 || (a == MIN && b == -1)) ? a : (T)(a % b);                                 \
  }                                                                                            \
  FUZZ_INLINE T safe_lshift_func_##T##_s_s(T a, int n) {                                       \
    return (a < 0 || n < 0 || n >= 32 || a > (MAX >> n)) ? a : (T)(a << n);                    \
  }                                                                                            \
  FUZZ_INLINE T safe_lshift_func_##T##_s_u(T a, unsigned int n) {                              \
    return (a < 0 || n >= 32 || a > (MAX >> n)) ? a : (T)(a << n);                            \
  }                                                                                            \
  FUZZ_INLINE T safe_rshift_func_##T##_s_s(T a, int n) {                                       \
    return (a < 0 || n < 0 || n >= 32) ? a : (T)(a >> n);                                      \
  }                                                                                            \
  FUZZ_INLINE T safe_rshift_func_##T##_s_u(T a, unsigned int n) {                              \
    return (a < 0 || n >= 32) ? a : (T)(a >> n);                                               \
  }

/* The wrappers of one unsigned type T; WIDE is the type products are computed in (never a
   signed int, whose overflow would be undefined). */
#define FUZZ_UNSIGNED(T, MAX, WIDE)                                                            \
  FUZZ_INLINE T safe_unary_minus_func_##T##_u(T a) { return (T)-(WIDE)a; }                     \
  FUZZ_INLINE T safe_add_func_##T##_u_u(T a, T b) { return (T)((WIDE)a + b); }                 \
  FUZZ_INLINE T safe_sub_func_##T##_u_u(T a, T b) { return (T)((WIDE)a - b); }                 \
  FUZZ_INLINE T safe_mul_func_##T##_u_u(T a, T b) { return (T)((WIDE)a * (WIDE)b); }           \
  FUZZ_INLINE T safe_div_func_##T##_u_u(T a, T b) { return b == 0 ? a : (T)(a / b); }          \
  FUZZ_INLINE T safe_mod_func_##T##_u_u(T a, T b) { return b == 0 ? a : (T)(a % b); }          \
  FUZZ_INLINE T safe_lshift_func_##T##_u_s(T a, int n) {                                       \
    return (n < 0 || n >= 32 || a > (MAX >> n)) ? a : (T)((WIDE)a << n);                       \
  }                                                                                            \
  FUZZ_INLINE T safe_lshift_func_##T##_u_u(T a, unsigned int n) {                              \
    return (n >= 32 || a > (MAX >> n)) ? a : (T)((WIDE)a << n);                                \
  }                                                                                            \
  FUZZ_INLINE T safe_rshift_func_##T##_u_s(T a, int n) {                                       \
    return (n < 0 || n >= 32) ? a : (T)(a >> n);                                               \
  }                                                                                            \
  FUZZ_INLINE T safe_rshift_func_##T##_u_u(T a, unsigned int n) {                              \
    return n >= 32 ? a : (T)(a >> n);                                                          \
  }

FUZZ_SIGNED(int8_t, INT8_MIN, INT8_MAX, 0)
FUZZ_SIGNED(int16_t, INT16_MIN, INT16_MAX, 0)
FUZZ_SIGNED(int32_t, INT32_MIN, INT32_MAX, 1)
FUZZ_SIGNED(int64_t, INT64_MIN, INT64_MAX, 1)
FUZZ_UNSIGNED(uint8_t, UINT8_MAX, unsigned int)
FUZZ_UNSIGNED(uint16_t, UINT16_MAX, unsigned int)
FUZZ_UNSIGNED(uint32_t, UINT32_MAX, unsigned int)
FUZZ_UNSIGNED(uint64_t, UINT64_MAX, uint64_t)

#endif
