package io.stencil4j.processor.target;

import io.stencil4j.model.Triple;
import io.stencil4j.processor.object.ObjectFile;
import java.util.List;
import java.util.Map;

/**
 * The seven triples: flags (research/toolchain.md §2), symbol prefixes and, per object format and
 * machine, the action each relocation type number asks for. A type missing here is an error
 * naming it, never a silent mis-patch.
 */
final class Targets {
  private static final Map<Integer, Action> ELF_X86_64 = Map.of(
      1, Action.ABS_64, // R_X86_64_64
      2, Action.REL_32, // R_X86_64_PC32
      4, Action.REL_32, // R_X86_64_PLT32
      9, Action.GOT_REL_32_STRICT, // R_X86_64_GOTPCREL
      10, Action.ABS_32U, // R_X86_64_32
      11, Action.ABS_32S, // R_X86_64_32S
      41, Action.GOT_REL_32, // R_X86_64_GOTPCRELX
      42, Action.GOT_REL_32); // R_X86_64_REX_GOTPCRELX

  private static final Map<Integer, Action> ELF_AARCH64 = Map.ofEntries(
      Map.entry(0x101, Action.ABS_64), // R_AARCH64_ABS64
      Map.entry(0x102, Action.ABS_32), // R_AARCH64_ABS32
      Map.entry(0x105, Action.REL_32), // R_AARCH64_PREL32
      Map.entry(0x107, Action.MOVW0), // R_AARCH64_MOVW_UABS_G0
      Map.entry(0x108, Action.MOVW0), // R_AARCH64_MOVW_UABS_G0_NC
      Map.entry(0x109, Action.MOVW1), // R_AARCH64_MOVW_UABS_G1
      Map.entry(0x10a, Action.MOVW1), // R_AARCH64_MOVW_UABS_G1_NC
      Map.entry(0x10b, Action.MOVW2), // R_AARCH64_MOVW_UABS_G2
      Map.entry(0x10c, Action.MOVW2), // R_AARCH64_MOVW_UABS_G2_NC
      Map.entry(0x10d, Action.MOVW3), // R_AARCH64_MOVW_UABS_G3
      Map.entry(0x113, Action.PAGE21), // R_AARCH64_ADR_PREL_PG_HI21
      Map.entry(0x114, Action.PAGE21), // R_AARCH64_ADR_PREL_PG_HI21_NC
      Map.entry(0x115, Action.PAGEOFF12), // R_AARCH64_ADD_ABS_LO12_NC
      Map.entry(0x116, Action.PAGEOFF12), // R_AARCH64_LDST8_ABS_LO12_NC
      Map.entry(0x11c, Action.PAGEOFF12), // R_AARCH64_LDST16_ABS_LO12_NC
      Map.entry(0x11d, Action.PAGEOFF12), // R_AARCH64_LDST32_ABS_LO12_NC
      Map.entry(0x11e, Action.PAGEOFF12), // R_AARCH64_LDST64_ABS_LO12_NC
      Map.entry(0x12b, Action.PAGEOFF12), // R_AARCH64_LDST128_ABS_LO12_NC
      Map.entry(0x118, Action.BRANCH19), // R_AARCH64_CONDBR19
      Map.entry(0x11a, Action.BRANCH26), // R_AARCH64_JUMP26
      Map.entry(0x11b, Action.BRANCH26), // R_AARCH64_CALL26
      Map.entry(0x137, Action.GOT_PAGE21), // R_AARCH64_ADR_GOT_PAGE
      Map.entry(0x138, Action.GOT_PAGEOFF12)); // R_AARCH64_LD64_GOT_LO12_NC

  private static final Map<Integer, Action> MACHO_X86_64 = Map.of(
      0, Action.ABS_64, // X86_64_RELOC_UNSIGNED
      1, Action.REL_32, // X86_64_RELOC_SIGNED
      2, Action.REL_32, // X86_64_RELOC_BRANCH
      3, Action.GOT_REL_32, // X86_64_RELOC_GOT_LOAD
      4, Action.GOT_REL_32, // X86_64_RELOC_GOT
      6, Action.REL_32, // X86_64_RELOC_SIGNED_1
      7, Action.REL_32, // X86_64_RELOC_SIGNED_2
      8, Action.REL_32); // X86_64_RELOC_SIGNED_4

  private static final Map<Integer, Action> MACHO_ARM64 = Map.of(
      0, Action.ABS_64, // ARM64_RELOC_UNSIGNED
      2, Action.BRANCH26, // ARM64_RELOC_BRANCH26
      3, Action.PAGE21, // ARM64_RELOC_PAGE21
      4, Action.PAGEOFF12, // ARM64_RELOC_PAGEOFF12
      5, Action.GOT_PAGE21, // ARM64_RELOC_GOT_LOAD_PAGE21
      6, Action.GOT_PAGEOFF12); // ARM64_RELOC_GOT_LOAD_PAGEOFF12

  private static final Map<Integer, Action> COFF_AMD64 = Map.of(
      1, Action.ABS_64, // IMAGE_REL_AMD64_ADDR64
      2, Action.ABS_32U, // IMAGE_REL_AMD64_ADDR32
      4, Action.REL_32, // IMAGE_REL_AMD64_REL32
      5, Action.REL_32, // IMAGE_REL_AMD64_REL32_1
      6, Action.REL_32, // IMAGE_REL_AMD64_REL32_2
      7, Action.REL_32, // IMAGE_REL_AMD64_REL32_3
      8, Action.REL_32, // IMAGE_REL_AMD64_REL32_4
      9, Action.REL_32); // IMAGE_REL_AMD64_REL32_5

  private static final Map<Integer, Action> COFF_I386 = Map.of(
      6, Action.ABS_32, // IMAGE_REL_I386_DIR32
      0x14, Action.REL_32); // IMAGE_REL_I386_REL32

  private static final Map<Integer, Action> COFF_ARM64 = Map.of(
      1, Action.ABS_32U, // IMAGE_REL_ARM64_ADDR32
      3, Action.BRANCH26, // IMAGE_REL_ARM64_BRANCH26
      4, Action.PAGE21, // IMAGE_REL_ARM64_PAGEBASE_REL21
      6, Action.PAGEOFF12, // IMAGE_REL_ARM64_PAGEOFFSET_12A
      7, Action.PAGEOFF12, // IMAGE_REL_ARM64_PAGEOFFSET_12L
      0xe, Action.ABS_64, // IMAGE_REL_ARM64_ADDR64
      0xf, Action.BRANCH19, // IMAGE_REL_ARM64_BRANCH19
      0x11, Action.REL_32); // IMAGE_REL_ARM64_REL32

  private Targets() {}

  /**
   * x86-64 Linux built by gcc: the large code model gives only 64-bit absolute relocations, so
   * nothing depends on where stencils are placed; gcc has no musttail, so a tail call is likely
   * but not guaranteed (a stencil that calls {@code _JIT_CONTINUE} still works, with a deeper
   * stack). gcc aligns arrays of 32 bytes and more to 32 unless told to keep the psABI's
   * alignment, which stencil data (16-byte aligned) can honour. gcc emits a translation unit's
   * functions in an order of its own (a static callee before its caller), so a case compiled
   * alone would not start with {@code _JIT_ENTRY}; -fno-toplevel-reorder keeps the source order,
   * which the template contract (entry first) relies on. Cold parts still go to .text.unlikely,
   * a section of their own that the stencil places after the entry.
   */
  static Target gcc() {
    return new Target(Triple.X86_64_UNKNOWN_LINUX_GNU, List.of("-fno-pic", "-mcmodel=large",
        "-fno-plt", "-malign-data=abi", "-fno-toplevel-reorder"), "", ObjectFile.Format.ELF,
        Isa.X86_64, ELF_X86_64);
  }

  static Target of(Triple triple) {
    return switch (triple) {
      // medium model without PIC: holes are 64-bit immediates; -fno-plt gives one recognisable
      // trailing jump; no jump tables, which the medium model reaches with 32-bit absolutes
      case X86_64_UNKNOWN_LINUX_GNU -> new Target(triple, List.of("-fno-pic", "-mcmodel=medium",
          "-mlarge-data-threshold=0", "-fno-plt", "-fno-jump-tables"), "", ObjectFile.Format.ELF,
          Isa.X86_64, ELF_X86_64);
      // PIC: holes are GOT loads (any 64-bit value); calls stay BL, through trampolines
      case AARCH64_UNKNOWN_LINUX_GNU -> new Target(triple, List.of("-fpic",
          "-mno-outline-atomics"), "", ObjectFile.Format.ELF, Isa.ARM64, ELF_AARCH64);
      // Darwin keeps frame pointers by default: a push and pop in every stencil
      case X86_64_APPLE_DARWIN -> new Target(triple, List.of("-fno-plt", "-fomit-frame-pointer"),
          "_", ObjectFile.Format.MACH_O, Isa.X86_64, MACHO_X86_64);
      case AARCH64_APPLE_DARWIN -> new Target(triple, List.of(), "_", ObjectFile.Format.MACH_O,
          Isa.ARM64, MACHO_ARM64);
      case X86_64_PC_WINDOWS_MSVC -> new Target(triple, List.of("-fms-runtime-lib=dll"), "",
          ObjectFile.Format.COFF, Isa.X86_64, COFF_AMD64);
      // preserve_none does not exist on 32-bit x86; clang says so for every template
      case I686_PC_WINDOWS_MSVC -> new Target(triple, List.of("-fms-runtime-lib=dll",
          "-Wno-ignored-attributes"), "_", ObjectFile.Format.COFF, Isa.X86_32, COFF_I386);
      // with -fno-plt, clang drops the __imp_ of dllimport functions (toolchain.md pitfall 6)
      case AARCH64_PC_WINDOWS_MSVC -> new Target(triple, List.of("-fms-runtime-lib=dll",
          "-fplt"), "", ObjectFile.Format.COFF, Isa.ARM64, COFF_ARM64);
    };
  }
}
