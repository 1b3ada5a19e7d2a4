package io.stencil4j.processor.target;

import io.stencil4j.model.HoleKind;
import io.stencil4j.processor.object.ObjectFile;
import java.util.HexFormat;

/**
 * What the stencil builder must know of an instruction set: how the jump to the next stencil
 * looks, which GOT loads can be rewritten as direct references, how to pad code, and the shape
 * of a trampoline (an absolute jump through an address stored beside it).
 */
enum Isa {
  X86_64(ObjectFile.Architecture.X86_64, 1, "90", "e900000000", 1, -4,
      "ff2500000000" + "0000000000000000", 6),
  /** 32-bit x86: every address is in reach of a 32-bit displacement, so no trampolines. */
  X86_32(ObjectFile.Architecture.X86_32, 1, "90", "e900000000", 1, -4, "", 0),
  /**
   * ldr x16, #8; br x16; .quad address. Stencils are only 4-byte aligned (an instruction), as
   * CPython's are, so the address may be only 4-byte aligned in memory: AArch64 loads from
   * unaligned normal memory in user code on Linux, macOS and Windows.
   */
  ARM64(ObjectFile.Architecture.AARCH64, 4, "1f2003d5", "00000014", 0, 0,
      "50000058" + "00021fd6" + "0000000000000000", 8);

  private static final int X86_NOP = 0x90;
  private static final int X86_JMP_REL32 = 0xe9;
  private static final int X86_CALL_REL32 = 0xe8;
  private static final int X86_INDIRECT = 0xff;
  private static final int X86_MODRM_CALL_RIP = 0x15;
  private static final int X86_MODRM_JMP_RIP = 0x25;
  private static final int X86_MOV_LOAD = 0x8b;
  private static final int X86_LEA = 0x8d;
  private static final int ARM64_B_MASK = 0xfc000000;
  private static final int ARM64_B = 0x14000000;

  private final ObjectFile.Architecture architecture;
  private final int codeAlignment;
  private final byte[] nop;
  private final byte[] jump;
  private final int jumpHoleOffset;
  private final long jumpAddend;
  private final byte[] trampoline;
  private final int trampolineAddressOffset;

  Isa(ObjectFile.Architecture architecture, int codeAlignment, String nop, String jump, int jumpHoleOffset, long jumpAddend,
      String trampoline, int trampolineAddressOffset) {
    this.architecture = architecture;
    this.codeAlignment = codeAlignment;
    this.nop = HexFormat.of().parseHex(nop);
    this.jump = HexFormat.of().parseHex(jump);
    this.jumpHoleOffset = jumpHoleOffset;
    this.jumpAddend = jumpAddend;
    this.trampoline = HexFormat.of().parseHex(trampoline);
    this.trampolineAddressOffset = trampolineAddressOffset;
  }

  /** The instruction set as the object readers name it. */
  ObjectFile.Architecture architecture() {
    return architecture;
  }

  /** Stencil code sizes are multiples of this, so every stencil starts aligned. */
  int codeAlignment() {
    return codeAlignment;
  }

  /** {@code length} bytes of no-ops. */
  byte[] padding(int length) {
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i++) {
      bytes[i] = nop[i % nop.length];
    }
    return bytes;
  }

  /** A jump to the next stencil, put in front of trampolines so they are never fallen into. */
  byte[] jump() {
    return jump.clone();
  }

  int jumpHoleOffset() {
    return jumpHoleOffset;
  }

  HoleKind jumpKind() {
    return this == ARM64 ? HoleKind.ARM64_BRANCH26 : HoleKind.REL_32;
  }

  long jumpAddend() {
    return jumpAddend;
  }

  boolean hasTrampolines() {
    return trampoline.length > 0;
  }

  byte[] trampoline() {
    return trampoline.clone();
  }

  int trampolineAddressOffset() {
    return trampolineAddressOffset;
  }

  /**
   * The length of the jump whose displacement or address (plus {@code addend}) is at {@code at}
   * and that ends the code, or 0 if the code does not end with a jump there: x86 {@code jmp
   * rel32}, {@code jmp *[rip+x]} (GOT), {@code movabs reg, imm64; jmp *reg} (large code model);
   * AArch64 {@code b}.
   */
  int jumpLength(byte[] code, int at, Action action, long addend) {
    if (this == ARM64) {
      return action == Action.BRANCH26 && addend == 0 && at + 4 == code.length
          && (word(code, at) & ARM64_B_MASK) == ARM64_B ? 4 : 0;
    }
    if (action == Action.ABS_64 && addend == 0) {
      return absoluteJumpLength(code, at);
    }
    if (addend != -4 || !onlyNopsFrom(code, at + 4)) {
      return 0;
    }
    int padding = code.length - (at + 4);
    if (action == Action.REL_32 && at >= 1 && (code[at - 1] & 0xff) == X86_JMP_REL32) {
      return 5 + padding;
    }
    boolean throughGot = action.isGot() && at >= 2 && (code[at - 2] & 0xff) == X86_INDIRECT
        && (code[at - 1] & 0xff) == X86_MODRM_JMP_RIP;
    if (!throughGot) {
      return 0;
    }
    // a REX.W prefix (Windows emits "rex64 jmp") belongs to the jump too
    return (at >= 3 && (code[at - 3] & 0xf0) == 0x40 ? 7 : 6) + padding;
  }

  /**
   * Whether the code from {@code start} on is only x86 no-ops: the padding a compiler puts
   * after a function whose successor is aligned ({@code nop}, {@code 0f 1f /0} with prefixes).
   */
  private static boolean onlyNopsFrom(byte[] code, int start) {
    int at = start;
    while (at < code.length) {
      while (at < code.length && ((code[at] & 0xff) == 0x66 || (code[at] & 0xff) == 0x2e)) {
        at++;
      }
      if (at < code.length && (code[at] & 0xff) == X86_NOP) {
        at++;
      } else if (at + 2 < code.length && (code[at] & 0xff) == 0x0f
          && (code[at + 1] & 0xff) == 0x1f) {
        int modrm = code[at + 2] & 0xff;
        int mod = modrm >> 6;
        boolean sib = (modrm & 7) == 4 && mod != 3;
        at += 3 + (sib ? 1 : 0) + (mod == 1 ? 1 : mod == 2 ? 4 : 0);
      } else {
        return false;
      }
    }
    return at == code.length;
  }

  /** {@code movabs reg, imm64} with the immediate at {@code at}, then {@code jmp *reg}, at the end. */
  private static int absoluteJumpLength(byte[] code, int at) {
    if (at < 2) {
      return 0;
    }
    int rex = code[at - 2] & 0xff;
    int movabs = code[at - 1] & 0xff;
    if ((rex != 0x48 && rex != 0x49) || (movabs & 0xf8) != 0xb8) {
      return 0;
    }
    int register = movabs & 7;
    int end = at + 8;
    boolean low = rex == 0x48 && end + 2 <= code.length && (code[end] & 0xff) == X86_INDIRECT
        && (code[end + 1] & 0xff) == 0xe0 + register && onlyNopsFrom(code, end + 2);
    boolean high = rex == 0x49 && end + 3 <= code.length && (code[end] & 0xff) == 0x41
        && (code[end + 1] & 0xff) == X86_INDIRECT && (code[end + 2] & 0xff) == 0xe0 + register
        && onlyNopsFrom(code, end + 3);
    return low || high ? code.length - (at - 2) : 0;
  }

  /** Whether the instruction at {@code at} is a direct call or jump (not a data reference). */
  boolean isBranch(byte[] code, int at, Action action) {
    if (this == ARM64) {
      return action == Action.BRANCH26;
    }
    int opcode = at >= 1 ? code[at - 1] & 0xff : 0;
    return action == Action.REL_32 && (opcode == X86_JMP_REL32 || opcode == X86_CALL_REL32);
  }

  /**
   * Rewrites the x86 GOT load at {@code at} to use the address directly: {@code call/jmp
   * *[rip+x]} becomes {@code nop; call/jmp rel32}, {@code mov reg, [rip+x]} becomes {@code lea}.
   * Returns false when the instruction has no direct form. AArch64 GOT loads are two
   * instructions with a relocation each, so they keep their slot rather than risk relaxing one
   * without the other.
   */
  boolean relax(byte[] code, int at, Action action) {
    if (this == ARM64 || action != Action.GOT_REL_32 || at < 2) {
      return false;
    }
    int opcode = code[at - 2] & 0xff;
    int modrm = code[at - 1] & 0xff;
    if (opcode == X86_INDIRECT && (modrm == X86_MODRM_CALL_RIP || modrm == X86_MODRM_JMP_RIP)) {
      code[at - 2] = (byte) X86_NOP;
      code[at - 1] = (byte) (modrm == X86_MODRM_CALL_RIP ? X86_CALL_REL32 : X86_JMP_REL32);
      return true;
    }
    if (opcode == X86_MOV_LOAD && (modrm & 0xc7) == 0x05) {
      code[at - 2] = (byte) X86_LEA;
      return true;
    }
    return false;
  }

  private static int word(byte[] code, int at) {
    return (code[at] & 0xff) | (code[at + 1] & 0xff) << 8 | (code[at + 2] & 0xff) << 16
        | (code[at + 3] & 0xff) << 24;
  }

}
