/*
 * The patch helpers of every per-triple header, as C: HeaderWriter copies this file without
 * this comment, after the stencil enum, with "prefix_" replaced by the header's prefix (for
 * example "stack_vm_"). Each emit function calls prefix_patch_KIND for a hole of
 * io.stencil4j.model.HoleKind KIND, so there is one such function per kind, in its order.
 * The including header has included <stdint.h>. HeaderWriterTest compiles this file with gcc,
 * g++, clang and clang++ (-Wall -Wextra -Werror -Wpedantic -Wconversion and more) and checks
 * every helper at the edges of its range on 64-bit and 32-bit hosts. The three 32-bit absolute
 * helpers are alike but for their range checks, which are what their hole kinds mean.
 */
// Each patch helper writes a value (REL_32: its distance from loc) into the hole at loc,
// least significant byte first, since every target is little-endian whatever the host
// compiling this is. It returns 0, or -1 without writing when the value does not fit.
static inline void prefix_store_le(unsigned char *loc, uint64_t value, int width) {
  int i;
  for (i = 0; i < width; i++) {
    loc[i] = (unsigned char)(value >> (8 * i));
  }
}

static inline uint32_t prefix_load_insn(const unsigned char *loc) {
  return (uint32_t)loc[0] | (uint32_t)loc[1] << 8 | (uint32_t)loc[2] << 16
      | (uint32_t)loc[3] << 24;
}

static inline void prefix_store_insn(unsigned char *loc, uint32_t insn) {
  prefix_store_le(loc, insn, 4);
}

static inline int prefix_patch_abs_64(unsigned char *loc, uint64_t value) {
  prefix_store_le(loc, value, 8);
  return 0;
}

static inline int prefix_patch_abs_32(unsigned char *loc, uint64_t value) {
  // fits in 32 bits, as int32_t or as uint32_t
  if (value + UINT64_C(0x80000000) > UINT64_C(0x17fffffff)) {
    return -1;
  }
  prefix_store_le(loc, value, 4);
  return 0;
}

static inline int prefix_patch_abs_32u(unsigned char *loc, uint64_t value) {
  if (value > UINT64_C(0xffffffff)) {
    return -1;
  }
  prefix_store_le(loc, value, 4);
  return 0;
}

static inline int prefix_patch_abs_32s(unsigned char *loc, uint64_t value) {
  // fits in int32_t exactly when adding 2^31 lands in [0, 2^32)
  if (value + UINT64_C(0x80000000) > UINT64_C(0xffffffff)) {
    return -1;
  }
  prefix_store_le(loc, value, 4);
  return 0;
}

static inline int prefix_patch_rel_32(unsigned char *loc, uint64_t value) {
  uint64_t delta = value - (uint64_t)(uintptr_t)loc;
  // in a 32-bit address space everything is in reach: the displacement wraps around
#if UINTPTR_MAX > 0xffffffffu
  if (delta + UINT64_C(0x80000000) > UINT64_C(0xffffffff)) {
    return -1;
  }
#endif
  prefix_store_le(loc, delta, 4);
  return 0;
}

static inline int prefix_patch_arm64_branch26(unsigned char *loc, uint64_t value) {
  int64_t delta = (int64_t)(value - (uint64_t)(uintptr_t)loc);
  if ((delta & 3) != 0 || delta < -(INT64_C(1) << 27) || delta >= (INT64_C(1) << 27)) {
    return -1;
  }
  prefix_store_insn(loc, (prefix_load_insn(loc) & ~(UINT32_C(0x03ffffff) << 0))
      | ((((uint32_t)(delta >> 2)) & UINT32_C(0x03ffffff)) << 0));
  return 0;
}

static inline int prefix_patch_arm64_branch19(unsigned char *loc, uint64_t value) {
  int64_t delta = (int64_t)(value - (uint64_t)(uintptr_t)loc);
  if ((delta & 3) != 0 || delta < -(INT64_C(1) << 20) || delta >= (INT64_C(1) << 20)) {
    return -1;
  }
  prefix_store_insn(loc, (prefix_load_insn(loc) & ~(UINT32_C(0x0007ffff) << 5))
      | ((((uint32_t)(delta >> 2)) & UINT32_C(0x0007ffff)) << 5));
  return 0;
}

static inline int prefix_patch_arm64_page21(unsigned char *loc, uint64_t value) {
  int64_t page = (int64_t)(value >> 12) - (int64_t)((uint64_t)(uintptr_t)loc >> 12);
  if (page < -(INT64_C(1) << 20) || page >= (INT64_C(1) << 20)) {
    return -1;
  }
  prefix_store_insn(loc, (prefix_load_insn(loc) & UINT32_C(0x9f00001f))
      | (((uint32_t)page & 3u) << 29) | ((((uint32_t)(page >> 2)) & UINT32_C(0x7ffff)) << 5));
  return 0;
}

static inline int prefix_patch_arm64_pageoff12(unsigned char *loc, uint64_t value) {
  uint32_t insn = prefix_load_insn(loc);
  uint32_t offset = (uint32_t)(value & 0xfff);
  uint32_t shift = 0;
  if ((insn & UINT32_C(0x3b000000)) == UINT32_C(0x39000000)) {
    // a load or store: the offset counts in units of the access size
    shift = insn >> 30;
    if (shift == 0 && (insn & UINT32_C(0x04800000)) == UINT32_C(0x04800000)) {
      shift = 4;
    }
  }
  if ((offset & ((1u << shift) - 1u)) != 0) {
    return -1;
  }
  prefix_store_insn(loc, (insn & UINT32_C(0xffc003ff)) | ((offset >> shift) << 10));
  return 0;
}

static inline int prefix_patch_arm64_movw0(unsigned char *loc, uint64_t value) {
  prefix_store_insn(loc, (prefix_load_insn(loc) & UINT32_C(0xffe0001f))
      | ((uint32_t)((value >> 0) & 0xffff) << 5));
  return 0;
}

static inline int prefix_patch_arm64_movw1(unsigned char *loc, uint64_t value) {
  prefix_store_insn(loc, (prefix_load_insn(loc) & UINT32_C(0xffe0001f))
      | ((uint32_t)((value >> 16) & 0xffff) << 5));
  return 0;
}

static inline int prefix_patch_arm64_movw2(unsigned char *loc, uint64_t value) {
  prefix_store_insn(loc, (prefix_load_insn(loc) & UINT32_C(0xffe0001f))
      | ((uint32_t)((value >> 32) & 0xffff) << 5));
  return 0;
}

static inline int prefix_patch_arm64_movw3(unsigned char *loc, uint64_t value) {
  prefix_store_insn(loc, (prefix_load_insn(loc) & UINT32_C(0xffe0001f))
      | ((uint32_t)((value >> 48) & 0xffff) << 5));
  return 0;
}

