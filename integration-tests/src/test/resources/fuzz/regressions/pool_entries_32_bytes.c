/* Written by hand, not reduced.
 * Issue 8, item 2: clang puts a 32-byte constant (a local or static const array of 8 uint32_t,
 * 4 uint64_t, 16 uint16_t) in a mergeable section with 32-byte entries (.rodata.cst32,
 * .lrodata.cst32). The old stencil builder kept a window of 8 bytes before and 16 after the
 * referenced place, so the array's upper half read past the stencil's data (x86-64) or the next
 * GOT slot (AArch64). Found by Csmith: 9 of 283 programs on x86-64 Linux, 5 of 149 on AArch64.
 */
#if defined(FUZZ_PART_DECLARATIONS)
static volatile uint32_t q_index = 5;
static uint64_t q_1, q_2, q_3, q_4;
static void q_func_1(void);
#elif defined(FUZZ_PART_MAIN)
  crc32_gentab();
  q_func_1();
  transparent_crc(q_1, "q_1", 0);
  transparent_crc(q_2, "q_2", 0);
  transparent_crc(q_3, "q_3", 0);
  transparent_crc(q_4, "q_4", 0);
  return crc32_context ^ 0xFFFFFFFFu;
#else
static void q_func_1(void) {
  const uint32_t t[8] = {0x11111111u, 0x22222222u, 0x33333333u, 0x44444444u,
                         0x55555555u, 0x66666666u, 0x77777777u, 0x88888888u};
  static const uint64_t u[4] = {0x0102030405060708ull, 0x1112131415161718ull,
                                0x2122232425262728ull, 0x3132333435363738ull};
  const uint16_t w[16] = {1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377, 610, 987, 1597};
  static const int8_t b[32] = {-1, 2, -3, 4, -5, 6, -7, 8, -9, 10, -11, 12, -13, 14, -15, 16,
                               -17, 18, -19, 20, -21, 22, -23, 24, -25, 26, -27, 28, -29, 30,
                               -31, 32};
  uint32_t i;
  for (i = 0; i < 8; i++) {
    q_1 = q_1 * 31 + t[(i + q_index) & 7];
  }
  q_2 = u[q_index & 3] ^ u[(q_index + 2) & 3];
  for (i = 0; i < 16; i++) {
    q_3 += (uint64_t)w[(i * q_index) & 15] << (i & 7);
  }
  for (i = 0; i < 32; i++) {
    q_4 = q_4 * 7 + (uint64_t)(int64_t)b[(i + q_index) & 31];
  }
}
#endif
