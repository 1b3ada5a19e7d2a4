package io.stencil4j.runtime;

import static io.stencil4j.model.HoleKind.ABS_32;
import static io.stencil4j.model.HoleKind.ABS_32S;
import static io.stencil4j.model.HoleKind.ABS_32U;
import static io.stencil4j.model.HoleKind.ABS_64;
import static io.stencil4j.model.HoleKind.ARM64_BRANCH19;
import static io.stencil4j.model.HoleKind.ARM64_BRANCH26;
import static io.stencil4j.model.HoleKind.ARM64_MOVW0;
import static io.stencil4j.model.HoleKind.ARM64_MOVW1;
import static io.stencil4j.model.HoleKind.ARM64_MOVW2;
import static io.stencil4j.model.HoleKind.ARM64_MOVW3;
import static io.stencil4j.model.HoleKind.ARM64_PAGE21;
import static io.stencil4j.model.HoleKind.ARM64_PAGEOFF12;
import static io.stencil4j.model.HoleKind.REL_32;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stencil4j.model.HoleKind;
import java.lang.foreign.MemorySegment;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Each hole kind patched into real instructions. Every expected encoding is LLVM's: {@code
 * llvm-mc-19 -triple=aarch64-unknown-linux-gnu -show-encoding} for AArch64 and {@code
 * -triple=x86_64-unknown-linux-gnu -x86-asm-syntax=intel} for x86-64, on the instruction in the
 * comment; the unpatched instruction is the same with a zero immediate.
 */
class HolePatcherTest {
  private static final HexFormat HEX = HexFormat.ofDelimiter(" ");
  /** Where the patched instruction runs (P): page-aligned plus an odd page offset. */
  private static final long P = 0x7f12_3456_7000L;

  @Test
  void abs64() {
    // movabs rax, 0x1122334455667788
    assertPatched("48 b8 00 00 00 00 00 00 00 00", 2, ABS_64, 0x1122_3344_5566_7788L,
        "48 b8 88 77 66 55 44 33 22 11");
    assertPatched("48 b8 00 00 00 00 00 00 00 00", 2, ABS_64, -1L,
        "48 b8 ff ff ff ff ff ff ff ff");
  }

  @Test
  void abs32sSignExtends() {
    // mov rax, -2
    assertPatched("48 c7 c0 00 00 00 00", 3, ABS_32S, -2, "48 c7 c0 fe ff ff ff");
    assertPatched("48 c7 c0 00 00 00 00", 3, ABS_32S, Integer.MAX_VALUE, "48 c7 c0 ff ff ff 7f");
    assertPatched("48 c7 c0 00 00 00 00", 3, ABS_32S, Integer.MIN_VALUE, "48 c7 c0 00 00 00 80");
    assertOutOfRange("48 c7 c0 00 00 00 00", 3, ABS_32S, 1L << 31);
    assertOutOfRange("48 c7 c0 00 00 00 00", 3, ABS_32S, (-1L << 31) - 1);
    assertOutOfRange("48 c7 c0 00 00 00 00", 3, ABS_32S, 0xffff_fffeL);
  }

  @Test
  void abs32uZeroExtends() {
    // mov eax, 4294967294; mov eax, 2147483648
    assertPatched("b8 00 00 00 00", 1, ABS_32U, 0xffff_fffeL, "b8 fe ff ff ff");
    assertPatched("b8 00 00 00 00", 1, ABS_32U, 0x8000_0000L, "b8 00 00 00 80");
    assertPatched("b8 00 00 00 00", 1, ABS_32U, 0xffff_ffffL, "b8 ff ff ff ff");
    assertOutOfRange("b8 00 00 00 00", 1, ABS_32U, 1L << 32);
    assertOutOfRange("b8 00 00 00 00", 1, ABS_32U, -1);
  }

  @Test
  void abs32TakesSignedAndUnsigned() {
    assertPatched("b8 00 00 00 00", 1, ABS_32, -2, "b8 fe ff ff ff");
    assertPatched("b8 00 00 00 00", 1, ABS_32, 0xffff_fffeL, "b8 fe ff ff ff");
    assertPatched("b8 00 00 00 00", 1, ABS_32, 0xffff_ffffL, "b8 ff ff ff ff");
    assertPatched("b8 00 00 00 00", 1, ABS_32, Integer.MIN_VALUE, "b8 00 00 00 80");
    assertOutOfRange("b8 00 00 00 00", 1, ABS_32, 1L << 32);
    assertOutOfRange("b8 00 00 00 00", 1, ABS_32, (-1L << 31) - 1);
  }

  @Test
  void rel32IsRelativeToTheHole() {
    // jmp qword ptr [rip + 2147483632]: the hole at offset 2 holds V - P
    long hole = P + 2;
    assertPatched("ff 25 00 00 00 00", 2, REL_32, hole + 0x7fff_fff0L, "ff 25 f0 ff ff 7f");
    assertPatched("ff 25 00 00 00 00", 2, REL_32, hole + Integer.MAX_VALUE, "ff 25 ff ff ff 7f");
    assertPatched("ff 25 00 00 00 00", 2, REL_32, hole + Integer.MIN_VALUE, "ff 25 00 00 00 80");
    assertOutOfRange("ff 25 00 00 00 00", 2, REL_32, hole + (1L << 31));
    assertOutOfRange("ff 25 00 00 00 00", 2, REL_32, hole - (1L << 31) - 1);
  }

  @Test
  void branch26() {
    assertPatched("00 00 00 14", 0, ARM64_BRANCH26, P + 4096, "00 04 00 14"); // b #4096
    assertPatched("00 00 00 14", 0, ARM64_BRANCH26, P - 4, "ff ff ff 17"); // b #-4
    assertPatched("00 00 00 94", 0, ARM64_BRANCH26, P + 8, "02 00 00 94"); // bl #8
    assertPatched("00 00 00 14", 0, ARM64_BRANCH26, P + (1L << 27) - 4, "ff ff ff 15");
    assertPatched("00 00 00 14", 0, ARM64_BRANCH26, P - (1L << 27), "00 00 00 16");
    assertOutOfRange("00 00 00 14", 0, ARM64_BRANCH26, P + (1L << 27));
    assertOutOfRange("00 00 00 14", 0, ARM64_BRANCH26, P - (1L << 27) - 4);
    assertOutOfRange("00 00 00 14", 0, ARM64_BRANCH26, P + 2);
  }

  @Test
  void branch19() {
    assertPatched("00 00 00 54", 0, ARM64_BRANCH19, P - 8, "c0 ff ff 54"); // b.eq #-8
    assertPatched("00 00 00 b4", 0, ARM64_BRANCH19, P + 4096, "00 80 00 b4"); // cbz x0, #4096
    // ldr x0, #1048572 and cbnz w1, #-1048576: the range's ends
    assertPatched("00 00 00 58", 0, ARM64_BRANCH19, P + (1L << 20) - 4, "e0 ff 7f 58");
    assertPatched("01 00 00 35", 0, ARM64_BRANCH19, P - (1L << 20), "01 00 80 35");
    assertOutOfRange("00 00 00 54", 0, ARM64_BRANCH19, P + (1L << 20));
    assertOutOfRange("00 00 00 54", 0, ARM64_BRANCH19, P - (1L << 20) - 4);
    assertOutOfRange("00 00 00 54", 0, ARM64_BRANCH19, P + 6);
  }

  @Test
  void page21CountsPages() {
    long hole = P + 0x678; // any offset in the page: only page numbers count
    // adrp x0, #12288; adrp x1, #-4096
    assertPatchedAt("00 00 00 90", hole, ARM64_PAGE21, P + 0x3000 + 0xabc, "00 00 00 f0");
    assertPatchedAt("01 00 00 90", hole, ARM64_PAGE21, P - 0x1000, "e1 ff ff f0");
    // adrp x2, #4294963200 and adrp x3, #-4294967296: the range's ends
    assertPatchedAt("02 00 00 90", hole, ARM64_PAGE21, P + (1L << 32) - 0x1000 + 0xfff,
        "e2 ff 7f f0");
    assertPatchedAt("03 00 00 90", hole, ARM64_PAGE21, P - (1L << 32), "03 00 80 90");
    assertOutOfRangeAt("00 00 00 90", hole, ARM64_PAGE21, P + (1L << 32));
    assertOutOfRangeAt("00 00 00 90", hole, ARM64_PAGE21, P - (1L << 32) - 1);
  }

  @Test
  void page21TreatsAddressesAsUnsigned() {
    long top = 0xffff_ffff_ffff_f000L;
    assertPatchedAt("00 00 00 90", top - 0x1000, ARM64_PAGE21, top, "00 00 00 b0"); // adrp #4096
  }

  @Test
  void pageOff12ScalesByTheAccessSize() {
    long page = 0x1234_5000L;
    assertPatched("00 00 00 91", 0, ARM64_PAGEOFF12, page + 0x123, "00 8c 04 91"); // add #291
    assertPatched("01 00 40 39", 0, ARM64_PAGEOFF12, page + 0x123, "01 8c 44 39"); // ldrb #291
    assertPatched("01 00 40 79", 0, ARM64_PAGEOFF12, page + 0x122, "01 44 42 79"); // ldrh #290
    assertPatched("01 00 40 b9", 0, ARM64_PAGEOFF12, page + 0x124, "01 24 41 b9"); // ldr w #292
    assertPatched("01 00 40 f9", 0, ARM64_PAGEOFF12, page + 0x128, "01 94 40 f9"); // ldr x #296
    assertPatched("00 00 c0 3d", 0, ARM64_PAGEOFF12, page + 0x120, "00 48 c0 3d"); // ldr q #288
    assertPatched("01 00 00 f9", 0, ARM64_PAGEOFF12, page + 0xff8, "01 fc 07 f9"); // str x #4088
  }

  @Test
  void pageOff12RejectsMisalignedOffsets() {
    long page = 0x1234_5000L;
    assertOutOfRange("01 00 40 79", 0, ARM64_PAGEOFF12, page + 0x123); // ldrh
    assertOutOfRange("01 00 40 f9", 0, ARM64_PAGEOFF12, page + 0x124); // ldr x
    assertOutOfRange("00 00 c0 3d", 0, ARM64_PAGEOFF12, page + 0x128); // ldr q
  }

  @Test
  void movwTakesSixteenBitsEach() {
    long value = 0xdef0_9abc_5678_1234L;
    // mov x0, #0x1234; movk x0, #0x5678, lsl #16; movk x0, #0x9abc, lsl #32; ... lsl #48
    assertPatched("00 00 80 d2", 0, ARM64_MOVW0, value, "80 46 82 d2");
    assertPatched("00 00 a0 f2", 0, ARM64_MOVW1, value, "00 cf aa f2");
    assertPatched("00 00 c0 f2", 0, ARM64_MOVW2, value, "80 57 d3 f2");
    assertPatched("00 00 e0 f2", 0, ARM64_MOVW3, value, "00 de fb f2");
  }

  @Test
  void patchingReplacesAnOldValue() {
    assertPatched("00 04 00 14", 0, ARM64_BRANCH26, P - 4, "ff ff ff 17");
    assertPatched("80 46 82 d2", 0, ARM64_MOVW0, 0, "00 00 80 d2");
    assertPatched("01 94 40 f9", 0, ARM64_PAGEOFF12, 0x8, "01 04 40 f9");
  }

  @Test
  void outOfRangeMessageNamesKindValueAndAddress() {
    HoleRangeException e = assertThrows(HoleRangeException.class,
        () -> HolePatcher.patch(MemorySegment.ofArray(new byte[4]), 0, 0x1000, REL_32,
            0x1_0000_1000L));
    assertEquals("value 0x100001000 does not fit the REL_32 hole at 0x1000: V - P = 4294967296"
        + " is out of the signed 32-bit range (+-2 GiB)", e.getMessage());
  }

  /** Patches the hole at {@code offset} of an instruction at {@link #P}. */
  private static void assertPatched(String instruction, int offset, HoleKind kind, long value,
      String expected) {
    assertEquals(expected, patched(instruction, offset, P + offset, kind, value));
  }

  /** Patches a 4-byte instruction whose hole is at {@code address}. */
  private static void assertPatchedAt(String instruction, long address, HoleKind kind, long value,
      String expected) {
    assertEquals(expected, patched(instruction, 0, address, kind, value));
  }

  /** Patches through a segment and into an array, which must agree. */
  private static String patched(String instruction, int offset, long address, HoleKind kind,
      long value) {
    byte[] bytes = HEX.parseHex(instruction);
    HolePatcher.patch(MemorySegment.ofArray(bytes), offset, address, kind, value);
    byte[] array = HEX.parseHex(instruction);
    HolePatcher.patch(array, offset, address, kind, value);
    assertEquals(HEX.formatHex(bytes), HEX.formatHex(array), "patched into an array");
    return HEX.formatHex(bytes);
  }

  private static void assertOutOfRange(String instruction, int offset, HoleKind kind,
      long value) {
    assertOutOfRange(instruction, offset, P + offset, kind, value);
  }

  private static void assertOutOfRangeAt(String instruction, long address, HoleKind kind,
      long value) {
    assertOutOfRange(instruction, 0, address, kind, value);
  }

  /** Checks that the value is refused, with a message naming the kind, and nothing written. */
  private static void assertOutOfRange(String instruction, int offset, long address,
      HoleKind kind, long value) {
    byte[] bytes = HEX.parseHex(instruction);
    HoleRangeException e = assertThrows(HoleRangeException.class,
        () -> HolePatcher.patch(MemorySegment.ofArray(bytes), offset, address, kind, value));
    assertTrue(e.getMessage().contains(" " + kind + " hole at "), e.getMessage());
    assertEquals(instruction, HEX.formatHex(bytes), "bytes written despite the error");
    HoleRangeException inArray = assertThrows(HoleRangeException.class,
        () -> HolePatcher.patch(bytes, offset, address, kind, value));
    assertEquals(e.getMessage(), inArray.getMessage());
    assertEquals(instruction, HEX.formatHex(bytes), "bytes written into the array");
  }
}
