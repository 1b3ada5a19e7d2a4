/* Written by hand, not reduced.
 * Issue 8, item 1: x86 instructions that reference a pool constant through a PC-relative
 * displacement followed by an immediate, so that the relocation's addend is -5, -6 or -8 rather
 * than -4 (cmpltpd, shufps, dpps, palignr, insertps with imm8 on constant-pool entries; inline
 * assembly for imm16 and imm32). The old stencil builder guessed a bias of 4 and, for the first
 * entry of a pool, clamped the guess into the pool: the stencil read past the constant. Plain C
 * computes the same values on other machines.
 */
#if defined(FUZZ_PART_DECLARATIONS)
#if defined(__x86_64__) || defined(__i386__) || defined(_M_X64) || defined(_M_IX86)
#include <immintrin.h>
#define P_X86 1
#define P_SSE41 __attribute__((target("sse4.1")))
#else
#define P_X86 0
#define P_SSE41
#endif

static volatile int32_t p_seed = 7;
static uint64_t p_1, p_2, p_3, p_4, p_5, p_6, p_7, p_8;
static void p_func_1(void);
#elif defined(FUZZ_PART_MAIN)
  crc32_gentab();
  p_func_1();
  transparent_crc(p_1, "p_1", 0);
  transparent_crc(p_2, "p_2", 0);
  transparent_crc(p_3, "p_3", 0);
  transparent_crc(p_4, "p_4", 0);
  transparent_crc(p_5, "p_5", 0);
  transparent_crc(p_6, "p_6", 0);
  transparent_crc(p_7, "p_7", 0);
  transparent_crc(p_8, "p_8", 0);
  return crc32_context ^ 0xFFFFFFFFu;
#else
static uint64_t p_float_bits(float f) {
  union { float f; uint32_t u; } v = {f};
  return v.u;
}

static uint64_t p_double_bits(double d) {
  union { double d; uint64_t u; } v = {d};
  return v.u;
}

P_SSE41 static void p_func_1(void) {
  int32_t s = p_seed;
  double x0 = s, x1 = s * 3;
  float f0 = s, f1 = s + 1, f2 = s + 2, f3 = s + 3;
#if P_X86
  /* cmpltpd .LCPI(%rip), %xmm: cmppd with imm8 1 */
  __m128d lt = _mm_cmplt_pd(_mm_set_pd(x1, x0), _mm_set_pd(-10.0, 10.0));
  p_1 = p_double_bits(_mm_cvtsd_f64(lt)) ^ p_double_bits(_mm_cvtsd_f64(_mm_unpackhi_pd(lt, lt))) >> 1;
  /* shufps $0x1b, .LCPI(%rip), %xmm */
  float shuffled[4];
  _mm_storeu_ps(shuffled, _mm_shuffle_ps(_mm_set_ps(f3, f2, f1, f0),
      _mm_set_ps(4.5f, 3.5f, 2.5f, 1.5f), 0x1b));
  p_2 = p_float_bits(shuffled[0]) + p_float_bits(shuffled[1]) * 3 + p_float_bits(shuffled[2]) * 5
      + p_float_bits(shuffled[3]) * 7;
  /* dpps $0xf1, .LCPI(%rip), %xmm: products and sum are exact in float */
  p_3 = p_float_bits(_mm_cvtss_f32(_mm_dp_ps(_mm_set_ps(f3, f2, f1, f0),
      _mm_set_ps(4.0f, 3.0f, 2.0f, 1.0f), 0xf1)));
  /* palignr $4, .LCPI(%rip), %xmm */
  uint64_t aligned[2];
  _mm_storeu_si128((__m128i *)aligned, _mm_alignr_epi8(_mm_set_epi32(s, s + 1, s + 2, s + 3),
      _mm_set_epi64x(0x0123456789abcdefLL, 0x1122334455667788LL), 4));
  p_4 = aligned[0] ^ aligned[1] * 3;
  /* insertps $0x4c, .LCPI+4(%rip), %xmm: a place inside the entry */
  float inserted[4];
  _mm_storeu_ps(inserted, _mm_insert_ps(_mm_set_ps(f3, f2, f1, f0),
      _mm_set_ps(8.5f, 7.5f, 6.5f, 5.5f), 0x4c));
  p_5 = p_float_bits(inserted[0]) + p_float_bits(inserted[1]) * 3 + p_float_bits(inserted[2]) * 5
      + p_float_bits(inserted[3]) * 7;
#else
  p_1 = (x0 < 10.0 ? ~0ull : 0) ^ (x1 < -10.0 ? ~0ull : 0) >> 1;
  p_2 = p_float_bits(f3) + p_float_bits(f2) * 3 + p_float_bits(2.5f) * 5 + p_float_bits(1.5f) * 7;
  p_3 = p_float_bits(f0 * 1.0f + f1 * 2.0f + f2 * 3.0f + f3 * 4.0f);
  /* the bytes 4 to 19 of 0x0123456789abcdef1122334455667788 below (s+3, s+2, s+1, s) */
  uint64_t high = (uint64_t)(uint32_t)(s + 3) | (uint64_t)(uint32_t)(s + 2) << 32;
  p_4 = (0x0123456789abcdefull << 32 | 0x11223344u) ^ (0x01234567u | high << 32) * 3;
  p_5 = p_float_bits(6.5f) + p_float_bits(f1) * 3;
#endif
  /* the same through inline assembly: REL32_N and SIGNED_N relocations on Windows and macOS */
  static const int32_t k = 1234567;
  static const int32_t wide = 0x12345678;
  static const int16_t narrow = 0x1233;
  int32_t product;
  uint8_t eq, above;
#if P_X86
  __asm__("imull $100003, %1, %0" : "=r"(product) : "m"(k));
  __asm__("cmpl $0x12345678, %2; sete %0; cmpw $0x1234, %3; seta %1"
          : "=&q"(eq), "=&q"(above) : "m"(wide), "m"(narrow) : "cc");
#else
  product = (int32_t)((uint32_t)k * 100003u);
  eq = wide == 0x12345678;
  above = (uint16_t)narrow > 0x1234;
#endif
  p_6 = (uint32_t)(product + s);
  p_7 = eq * 2u + above + (uint32_t)s;
  p_8 = (uint64_t)s << 40;
}
#endif
