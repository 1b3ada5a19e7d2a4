package io.stencil4j.processor.target;

import io.stencil4j.model.Hole;
import io.stencil4j.model.HoleKind;
import io.stencil4j.model.HoleValue;
import io.stencil4j.model.Triple;
import io.stencil4j.processor.object.Relocation;
import java.util.List;

/**
 * x86-64 Linux (ELF). The medium code model without PIC makes every hole a 64-bit immediate
 * ({@code movabs}), so any value fits; {@code -fno-plt} sends calls and the tail jump to the next
 * stencil through the GOT, which gives one recognisable trailing jump ({@code jmp *[rip+x]}) and
 * lets nearby targets be relaxed to direct jumps. Jump tables are off: the medium model addresses
 * them with 32-bit absolute relocations, which only fit below 2 GiB.
 */
final class X86_64Linux implements Target {
  private static final int R_X86_64_64 = 1;
  private static final int R_X86_64_PC32 = 2;
  private static final int R_X86_64_PLT32 = 4;
  private static final int R_X86_64_GOTPCREL = 9;
  private static final int R_X86_64_32 = 10;
  private static final int R_X86_64_32S = 11;
  private static final int R_X86_64_GOTPCRELX = 41;
  private static final int R_X86_64_REX_GOTPCRELX = 42;

  private static final int NOP = 0x90;
  private static final int JMP_REL32 = 0xe9;
  private static final int CALL_REL32 = 0xe8;
  private static final int INDIRECT = 0xff;
  private static final int MODRM_CALL_RIP = 0x15;
  private static final int MODRM_JMP_RIP = 0x25;
  private static final int MOV_LOAD = 0x8b;
  private static final int LEA = 0x8d;

  @Override
  public Triple triple() {
    return Triple.X86_64_UNKNOWN_LINUX_GNU;
  }

  @Override
  public List<String> flags() {
    return List.of("-fno-pic", "-mcmodel=medium", "-mlarge-data-threshold=0", "-fno-plt",
        "-fno-jump-tables");
  }

  @Override
  public String symbolPrefix() {
    return "";
  }

  @Override
  public int trailingJumpLength(byte[] code, Relocation last, Site site, Reference reference) {
    int at = site.offset();
    if (site.part() != Site.Part.CODE || reference.value() != HoleValue.CONTINUE
        || reference.offset() != 0 || last.addend() != -4 || at + 4 != code.length) {
      return 0;
    }
    boolean direct = (last.type() == R_X86_64_PLT32 || last.type() == R_X86_64_PC32)
        && at >= 1 && (code[at - 1] & 0xff) == JMP_REL32;
    if (direct) {
      return 5;
    }
    boolean throughGot = isGotLoad(last.type()) && at >= 2 && (code[at - 2] & 0xff) == INDIRECT
        && (code[at - 1] & 0xff) == MODRM_JMP_RIP;
    return throughGot ? 6 : 0;
  }

  @Override
  public void relocate(Relocation relocation, Site site, Reference reference, StencilDraft stencil)
      throws UnsupportedRelocationException {
    int at = site.offset();
    long addend = relocation.addend();
    switch (relocation.type()) {
      case R_X86_64_64 -> stencil.addHole(site.part(), reference.hole(at, HoleKind.ABS_64, addend));
      case R_X86_64_PC32, R_X86_64_PLT32 ->
          stencil.addHole(site.part(), reference.hole(at, HoleKind.REL_32, addend));
      case R_X86_64_32 -> stencil.addHole(site.part(), reference.hole(at, HoleKind.ABS_32U, addend));
      case R_X86_64_32S ->
          stencil.addHole(site.part(), reference.hole(at, HoleKind.ABS_32S, addend));
      case R_X86_64_GOTPCREL, R_X86_64_GOTPCRELX, R_X86_64_REX_GOTPCRELX -> {
        boolean relaxable = relocation.type() != R_X86_64_GOTPCREL && site.part() == Site.Part.CODE
            && reference.isLocal() && relax(stencil.bytes(Site.Part.CODE), at);
        if (relaxable) {
          stencil.addHole(site.part(), reference.hole(at, HoleKind.REL_32, addend));
        } else {
          int slot = stencil.gotSlot(reference);
          stencil.addHole(site.part(), Hole.of(at, HoleKind.REL_32, HoleValue.DATA, slot + addend));
        }
      }
      default -> throw new UnsupportedRelocationException(relocation.typeName());
    }
  }

  private static boolean isGotLoad(int type) {
    return type == R_X86_64_GOTPCREL || type == R_X86_64_GOTPCRELX
        || type == R_X86_64_REX_GOTPCRELX;
  }

  /**
   * Rewrites the instruction that loads an address from the GOT at {@code at} into one that uses
   * the address directly, as the psABI allows for GOTPCRELX: {@code call/jmp *[rip+x]} becomes
   * {@code nop; call/jmp rel32}, {@code mov reg, [rip+x]} becomes {@code lea reg, [rip+x]}.
   */
  private static boolean relax(byte[] code, int at) {
    if (at < 2) {
      return false;
    }
    int opcode = code[at - 2] & 0xff;
    int modrm = code[at - 1] & 0xff;
    if (opcode == INDIRECT && (modrm == MODRM_CALL_RIP || modrm == MODRM_JMP_RIP)) {
      code[at - 2] = (byte) NOP;
      code[at - 1] = (byte) (modrm == MODRM_CALL_RIP ? CALL_REL32 : JMP_REL32);
      return true;
    }
    if (opcode == MOV_LOAD && (modrm & 0xc7) == 0x05) {
      code[at - 2] = (byte) LEA;
      return true;
    }
    return false;
  }
}
