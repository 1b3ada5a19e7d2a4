package io.stencil4j.model;

/**
 * How a hole's value is written into the bytes at its offset. One table for the Java patcher and
 * the C header's helpers, so both sides patch the same way. {@code P} is the hole's own address,
 * {@code V} the value (target address plus addend).
 */
public enum HoleKind {
  /** Eight bytes, little-endian: {@code V}. */
  ABS_64(8),
  /** Four bytes: {@code V}, which must fit in an unsigned 32-bit integer. */
  ABS_32(4),
  /** Four bytes: {@code V}, which must fit in a signed 32-bit integer (sign-extended on use). */
  ABS_32S(4),
  /** Four bytes: {@code V - P}, which must fit in a signed 32-bit integer. */
  REL_32(4);

  private final int width;

  HoleKind(int width) {
    this.width = width;
  }

  /** How many bytes at the hole's offset this kind rewrites. */
  public int width() {
    return width;
  }
}
