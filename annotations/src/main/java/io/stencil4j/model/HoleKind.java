package io.stencil4j.model;

/**
 * How a hole's value is written into the bytes at its offset. One table for the Java patcher and
 * the C header's helpers, so both sides patch the same way. {@code P} is the hole's own address,
 * {@code V} the value (target address plus addend). A value out of range is an error, never
 * truncated. AArch64 kinds rewrite a field of the little-endian 32-bit instruction at the hole.
 */
public enum HoleKind {
  /** Eight bytes, little-endian: {@code V}. */
  ABS_64(8),
  /**
   * Four bytes: the low 32 bits of {@code V}, which must fit in 32 bits, signed or unsigned
   * (32-bit targets, where both are the same address).
   */
  ABS_32(4),
  /** Four bytes: {@code V}, which must fit in an unsigned 32-bit integer (zero-extended on use). */
  ABS_32U(4),
  /** Four bytes: {@code V}, which must fit in a signed 32-bit integer (sign-extended on use). */
  ABS_32S(4),
  /** Four bytes: {@code V - P}, which must fit in a signed 32-bit integer. */
  REL_32(4),
  /** AArch64 B/BL: bits 0-25 = {@code (V - P) >> 2}; 4-aligned, within ±128 MiB. */
  ARM64_BRANCH26(4),
  /** AArch64 B.cond, CBZ, CBNZ, LDR (literal): bits 5-23 = {@code (V - P) >> 2}; ±1 MiB. */
  ARM64_BRANCH19(4),
  /**
   * AArch64 ADRP: the page delta {@code D = (V >> 12) - (P >> 12)}, within ±4 GiB; bits 29-30 =
   * {@code D & 3}, bits 5-23 = {@code D >> 2}.
   */
  ARM64_PAGE21(4),
  /**
   * AArch64 ADD (immediate) or LDR/STR (unsigned offset): bits 10-21 = {@code (V & 0xfff) >> s},
   * where {@code s} is the access size's log2 read from the instruction (0 for ADD, 4 for a
   * 128-bit SIMD access); {@code V & 0xfff} must be a multiple of the access size.
   */
  ARM64_PAGEOFF12(4),
  /** AArch64 MOVZ/MOVK: bits 5-20 = bits 0-15 of {@code V}. */
  ARM64_MOVW0(4),
  /** AArch64 MOVZ/MOVK: bits 5-20 = bits 16-31 of {@code V}. */
  ARM64_MOVW1(4),
  /** AArch64 MOVZ/MOVK: bits 5-20 = bits 32-47 of {@code V}. */
  ARM64_MOVW2(4),
  /** AArch64 MOVZ/MOVK: bits 5-20 = bits 48-63 of {@code V}. */
  ARM64_MOVW3(4);

  private final int width;

  HoleKind(int width) {
    this.width = width;
  }

  /** {@return how many bytes at the hole's offset this kind rewrites} */
  public int width() {
    return width;
  }
}
