package io.stencil4j.runtime;

import io.stencil4j.model.HoleKind;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Writes hole values into stencil bytes, exactly as the C header's {@code <name>_patch_<kind>}
 * helpers do: the same encodings and the same range checks, as {@link HoleKind} documents them.
 * Every target is little-endian, whatever the byte order of the host.
 */
public final class HolePatcher {
  private static final ValueLayout.OfLong LONG =
      ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
  private static final ValueLayout.OfInt INT =
      ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LONG_IN_ARRAY =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INT_IN_ARRAY =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

  /**
   * In a 32-bit address space every target is within reach of a 32-bit displacement, which wraps
   * around; the C helper skips the check there too ({@code UINTPTR_MAX > 0xffffffff}).
   */
  private static final boolean WIDE_ADDRESSES = ValueLayout.ADDRESS.byteSize() > 4;

  private HolePatcher() {}

  /**
   * Writes {@code value} (V) into the hole of kind {@code kind} at {@code offset} in {@code
   * bytes}; {@code address} (P) is the address the hole's bytes will have when the code runs,
   * which may differ from where {@code bytes} is now (a staging buffer).
   *
   * @throws HoleRangeException if the value does not fit the hole; nothing is written then
   * @param bytes the code or data being patched
   * @param offset the hole's offset in {@code bytes}
   * @param address P, the hole's address at run time
   * @param kind how the value is encoded
   * @param value V, the value to write
   */
  public static void patch(MemorySegment bytes, long offset, long address, HoleKind kind,
      long value) {
    switch (kind) {
      case ABS_64 -> bytes.set(LONG, offset, value);
      case ABS_32 -> {
        // as int32_t or as uint32_t: V + 2^31 lands in [0, 3 * 2^31)
        if (Long.compareUnsigned(value + 0x8000_0000L, 0x1_7fff_ffffL) > 0) {
          throw outOfRange(kind, value, address, "it fits in 32 bits neither signed nor unsigned");
        }
        bytes.set(INT, offset, (int) value);
      }
      case ABS_32U -> {
        if (Long.compareUnsigned(value, 0xffff_ffffL) > 0) {
          throw outOfRange(kind, value, address, "it does not fit in an unsigned 32-bit integer");
        }
        bytes.set(INT, offset, (int) value);
      }
      case ABS_32S -> {
        if (value != (int) value) {
          throw outOfRange(kind, value, address, "it does not fit in a signed 32-bit integer");
        }
        bytes.set(INT, offset, (int) value);
      }
      case REL_32 -> bytes.set(INT, offset, rel32(value, address));
      case ARM64_BRANCH26 -> branch(bytes, offset, address, kind, value, 0x03ff_ffff, 0, 27);
      case ARM64_BRANCH19 -> branch(bytes, offset, address, kind, value, 0x7_ffff, 5, 20);
      case ARM64_PAGE21 -> {
        long pages = (value >>> 12) - (address >>> 12);
        if (pages < -(1L << 20) || pages >= 1L << 20) {
          throw outOfRange(kind, value, address,
              "the page delta " + pages + " is out of ADRP's range (+-4 GiB)");
        }
        int insn = bytes.get(INT, offset) & 0x9f00_001f;
        int low = (int) pages & 3;
        int high = (int) (pages >> 2) & 0x7_ffff;
        bytes.set(INT, offset, insn | low << 29 | high << 5);
      }
      case ARM64_PAGEOFF12 -> {
        int insn = bytes.get(INT, offset);
        int pageOffset = (int) (value & 0xfff);
        int shift = accessSizeLog2(insn);
        if ((pageOffset & ((1 << shift) - 1)) != 0) {
          throw outOfRange(kind, value, address, String.format(
              "the page offset %#x is not a multiple of the %d-byte access of instruction %#010x",
              pageOffset, 1 << shift, insn));
        }
        bytes.set(INT, offset, (insn & 0xffc0_03ff) | (pageOffset >>> shift) << 10);
      }
      case ARM64_MOVW0 -> movw(bytes, offset, value, 0);
      case ARM64_MOVW1 -> movw(bytes, offset, value, 16);
      case ARM64_MOVW2 -> movw(bytes, offset, value, 32);
      case ARM64_MOVW3 -> movw(bytes, offset, value, 48);
    }
  }

  /**
   * {@link #patch(MemorySegment, long, long, HoleKind, long)} into a staging buffer: the kinds
   * most holes have (x86-64's) are written straight into the array, without a segment's checks.
   */
  static void patch(byte[] bytes, int offset, long address, HoleKind kind, long value) {
    if (kind == HoleKind.ABS_64) {
      LONG_IN_ARRAY.set(bytes, offset, value);
    } else if (kind == HoleKind.REL_32) {
      INT_IN_ARRAY.set(bytes, offset, rel32(value, address));
    } else {
      patch(MemorySegment.ofArray(bytes), offset, address, kind, value);
    }
  }

  /** A {@code REL_32} hole's value: V - P, which must fit in 32 signed bits. */
  private static int rel32(long value, long address) {
    long delta = value - address;
    if (WIDE_ADDRESSES && delta != (int) delta) {
      throw outOfRange(HoleKind.REL_32, value, address,
          "V - P = " + delta + " is out of the signed 32-bit range (+-2 GiB)");
    }
    return (int) delta;
  }

  /** A PC-relative branch whose word offset goes into {@code mask} at bit {@code shift}. */
  private static void branch(MemorySegment bytes, long offset, long address, HoleKind kind,
      long value, int mask, int shift, int rangeBits) {
    long delta = value - address;
    if ((delta & 3) != 0) {
      throw outOfRange(kind, value, address, "V - P = " + delta + " is not a multiple of 4");
    }
    if (delta < -(1L << rangeBits) || delta >= 1L << rangeBits) {
      throw outOfRange(kind, value, address, "V - P = " + delta
          + " is out of the branch's range (+-" + ((1L << rangeBits) >> 20) + " MiB)");
    }
    int insn = bytes.get(INT, offset) & ~(mask << shift);
    bytes.set(INT, offset, insn | ((int) (delta >> 2) & mask) << shift);
  }

  /**
   * Log2 of the access size of an AArch64 load or store (unsigned offset), whose 12-bit offset
   * counts in units of it; 0 for anything else, such as ADD (immediate).
   */
  private static int accessSizeLog2(int insn) {
    if ((insn & 0x3b00_0000) != 0x3900_0000) {
      return 0;
    }
    int size = insn >>> 30;
    // size 0 with opc bit 1 set and the SIMD bit: a 128-bit (Q register) access
    return size == 0 && (insn & 0x0480_0000) == 0x0480_0000 ? 4 : size;
  }

  private static void movw(MemorySegment bytes, long offset, long value, int shift) {
    int insn = bytes.get(INT, offset) & 0xffe0_001f;
    bytes.set(INT, offset, insn | (int) ((value >>> shift) & 0xffff) << 5);
  }

  private static HoleRangeException outOfRange(HoleKind kind, long value, long address,
      String why) {
    return new HoleRangeException(String.format(
        "value %#x does not fit the %s hole at %#x: %s", value, kind, address, why));
  }
}
