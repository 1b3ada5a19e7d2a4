/* Written by hand, not reduced: 64-bit division, remainder and shifts of values the compiler
   cannot know (volatile), so i686 Windows stencils call MSVC's helpers (_alldiv, _aulldiv,
   _allrem, _aullrem, ...) through the header's symbols, and a frame above 4 KiB, which Windows
   code probes with __chkstk. Csmith's programs rarely do either: clang folds their arithmetic. */
#if defined(FUZZ_PART_DECLARATIONS)
static volatile int64_t h_signed = -1234567890123LL;
static volatile int64_t h_divisor = 987654LL;
static volatile uint64_t h_unsigned = 0xFEDCBA9876543210ULL;
static volatile uint64_t h_unsigned_divisor = 123456789ULL;
static volatile int h_count = 37;
static uint32_t h_large_frame(int factor);
#elif defined(FUZZ_PART_MAIN)
    crc32_gentab();
    transparent_crc(h_signed / h_divisor, "signed quotient", 0);
    transparent_crc(h_signed % h_divisor, "signed remainder", 0);
    transparent_crc(h_unsigned / h_unsigned_divisor, "unsigned quotient", 0);
    transparent_crc(h_unsigned % h_unsigned_divisor, "unsigned remainder", 0);
    transparent_crc(h_signed * h_divisor, "product", 0);
    transparent_crc((uint64_t)h_signed << h_count, "left shift", 0);
    transparent_crc(h_signed >> h_count, "arithmetic right shift", 0);
    transparent_crc(h_unsigned >> h_count, "logical right shift", 0);
    transparent_crc(h_large_frame(h_count), "large frame", 0);
    return crc32_context ^ 0xFFFFFFFFu;
#else
static uint32_t h_large_frame(int factor) {
  volatile uint8_t bytes[20000];
  for (int i = 0; i < 20000; i++) {
    bytes[i] = (uint8_t)(i * factor);
  }
  uint32_t sum = 0;
  for (int i = 0; i < 20000; i += 7) {
    sum += bytes[i];
  }
  return sum;
}
#endif
