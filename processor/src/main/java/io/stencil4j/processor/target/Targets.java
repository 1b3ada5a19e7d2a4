package io.stencil4j.processor.target;

import io.stencil4j.model.Triple;
import io.stencil4j.processor.object.CoffRelocationType;
import io.stencil4j.processor.object.ElfRelocationType;
import io.stencil4j.processor.object.MachORelocationType;
import io.stencil4j.processor.object.ObjectFile;
import java.util.List;
import java.util.Map;

/**
 * The seven triples: flags (each says why beside it), symbol prefixes and, per object format and
 * machine, the action each relocation type asks for. A type missing here is an error naming it,
 * never a silent mis-patch. The tables are data: one per format and machine, alike in shape.
 */
final class Targets {
  private static final Map<ElfRelocationType, Action> ELF_X86_64 = Map.ofEntries(
      Map.entry(ElfRelocationType.R_X86_64_64, Action.ABS_64),
      Map.entry(ElfRelocationType.R_X86_64_PC32, Action.REL_32),
      Map.entry(ElfRelocationType.R_X86_64_PLT32, Action.REL_32),
      Map.entry(ElfRelocationType.R_X86_64_GOTPCREL, Action.GOT_REL_32_STRICT),
      Map.entry(ElfRelocationType.R_X86_64_32, Action.ABS_32U),
      Map.entry(ElfRelocationType.R_X86_64_32S, Action.ABS_32S),
      Map.entry(ElfRelocationType.R_X86_64_GOTPCRELX, Action.GOT_REL_32),
      Map.entry(ElfRelocationType.R_X86_64_REX_GOTPCRELX, Action.GOT_REL_32));

  private static final Map<ElfRelocationType, Action> ELF_AARCH64 = Map.ofEntries(
      Map.entry(ElfRelocationType.R_AARCH64_ABS64, Action.ABS_64),
      Map.entry(ElfRelocationType.R_AARCH64_ABS32, Action.ABS_32),
      Map.entry(ElfRelocationType.R_AARCH64_PREL32, Action.REL_32),
      Map.entry(ElfRelocationType.R_AARCH64_MOVW_UABS_G0, Action.MOVW0),
      Map.entry(ElfRelocationType.R_AARCH64_MOVW_UABS_G0_NC, Action.MOVW0),
      Map.entry(ElfRelocationType.R_AARCH64_MOVW_UABS_G1, Action.MOVW1),
      Map.entry(ElfRelocationType.R_AARCH64_MOVW_UABS_G1_NC, Action.MOVW1),
      Map.entry(ElfRelocationType.R_AARCH64_MOVW_UABS_G2, Action.MOVW2),
      Map.entry(ElfRelocationType.R_AARCH64_MOVW_UABS_G2_NC, Action.MOVW2),
      Map.entry(ElfRelocationType.R_AARCH64_MOVW_UABS_G3, Action.MOVW3),
      Map.entry(ElfRelocationType.R_AARCH64_ADR_PREL_PG_HI21, Action.PAGE21),
      Map.entry(ElfRelocationType.R_AARCH64_ADR_PREL_PG_HI21_NC, Action.PAGE21),
      Map.entry(ElfRelocationType.R_AARCH64_ADD_ABS_LO12_NC, Action.PAGEOFF12),
      Map.entry(ElfRelocationType.R_AARCH64_LDST8_ABS_LO12_NC, Action.PAGEOFF12),
      Map.entry(ElfRelocationType.R_AARCH64_LDST16_ABS_LO12_NC, Action.PAGEOFF12),
      Map.entry(ElfRelocationType.R_AARCH64_LDST32_ABS_LO12_NC, Action.PAGEOFF12),
      Map.entry(ElfRelocationType.R_AARCH64_LDST64_ABS_LO12_NC, Action.PAGEOFF12),
      Map.entry(ElfRelocationType.R_AARCH64_LDST128_ABS_LO12_NC, Action.PAGEOFF12),
      Map.entry(ElfRelocationType.R_AARCH64_CONDBR19, Action.BRANCH19),
      Map.entry(ElfRelocationType.R_AARCH64_JUMP26, Action.BRANCH26),
      Map.entry(ElfRelocationType.R_AARCH64_CALL26, Action.BRANCH26),
      Map.entry(ElfRelocationType.R_AARCH64_ADR_GOT_PAGE, Action.GOT_PAGE21),
      Map.entry(ElfRelocationType.R_AARCH64_LD64_GOT_LO12_NC, Action.GOT_PAGEOFF12));

  private static final Map<MachORelocationType, Action> MACHO_X86_64 = Map.ofEntries(
      Map.entry(MachORelocationType.X86_64_RELOC_UNSIGNED, Action.ABS_64),
      Map.entry(MachORelocationType.X86_64_RELOC_SIGNED, Action.REL_32),
      Map.entry(MachORelocationType.X86_64_RELOC_BRANCH, Action.REL_32),
      Map.entry(MachORelocationType.X86_64_RELOC_GOT_LOAD, Action.GOT_REL_32),
      Map.entry(MachORelocationType.X86_64_RELOC_GOT, Action.GOT_REL_32),
      Map.entry(MachORelocationType.X86_64_RELOC_SIGNED_1, Action.REL_32),
      Map.entry(MachORelocationType.X86_64_RELOC_SIGNED_2, Action.REL_32),
      Map.entry(MachORelocationType.X86_64_RELOC_SIGNED_4, Action.REL_32));

  private static final Map<MachORelocationType, Action> MACHO_ARM64 = Map.ofEntries(
      Map.entry(MachORelocationType.ARM64_RELOC_UNSIGNED, Action.ABS_64),
      Map.entry(MachORelocationType.ARM64_RELOC_BRANCH26, Action.BRANCH26),
      Map.entry(MachORelocationType.ARM64_RELOC_PAGE21, Action.PAGE21),
      Map.entry(MachORelocationType.ARM64_RELOC_PAGEOFF12, Action.PAGEOFF12),
      Map.entry(MachORelocationType.ARM64_RELOC_GOT_LOAD_PAGE21, Action.GOT_PAGE21),
      Map.entry(MachORelocationType.ARM64_RELOC_GOT_LOAD_PAGEOFF12, Action.GOT_PAGEOFF12));

  private static final Map<CoffRelocationType, Action> COFF_AMD64 = Map.ofEntries(
      Map.entry(CoffRelocationType.IMAGE_REL_AMD64_ADDR64, Action.ABS_64),
      Map.entry(CoffRelocationType.IMAGE_REL_AMD64_ADDR32, Action.ABS_32U),
      Map.entry(CoffRelocationType.IMAGE_REL_AMD64_REL32, Action.REL_32),
      Map.entry(CoffRelocationType.IMAGE_REL_AMD64_REL32_1, Action.REL_32),
      Map.entry(CoffRelocationType.IMAGE_REL_AMD64_REL32_2, Action.REL_32),
      Map.entry(CoffRelocationType.IMAGE_REL_AMD64_REL32_3, Action.REL_32),
      Map.entry(CoffRelocationType.IMAGE_REL_AMD64_REL32_4, Action.REL_32),
      Map.entry(CoffRelocationType.IMAGE_REL_AMD64_REL32_5, Action.REL_32));

  private static final Map<CoffRelocationType, Action> COFF_I386 = Map.ofEntries(
      Map.entry(CoffRelocationType.IMAGE_REL_I386_DIR32, Action.ABS_32),
      Map.entry(CoffRelocationType.IMAGE_REL_I386_REL32, Action.REL_32));

  private static final Map<CoffRelocationType, Action> COFF_ARM64 = Map.ofEntries(
      Map.entry(CoffRelocationType.IMAGE_REL_ARM64_ADDR32, Action.ABS_32U),
      Map.entry(CoffRelocationType.IMAGE_REL_ARM64_BRANCH26, Action.BRANCH26),
      Map.entry(CoffRelocationType.IMAGE_REL_ARM64_PAGEBASE_REL21, Action.PAGE21),
      Map.entry(CoffRelocationType.IMAGE_REL_ARM64_PAGEOFFSET_12A, Action.PAGEOFF12),
      Map.entry(CoffRelocationType.IMAGE_REL_ARM64_PAGEOFFSET_12L, Action.PAGEOFF12),
      Map.entry(CoffRelocationType.IMAGE_REL_ARM64_ADDR64, Action.ABS_64),
      Map.entry(CoffRelocationType.IMAGE_REL_ARM64_BRANCH19, Action.BRANCH19),
      Map.entry(CoffRelocationType.IMAGE_REL_ARM64_REL32, Action.REL_32));

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
      // with -fno-plt, clang drops the __imp_ of dllimport functions and calls them directly
      case AARCH64_PC_WINDOWS_MSVC -> new Target(triple, List.of("-fms-runtime-lib=dll",
          "-fplt"), "", ObjectFile.Format.COFF, Isa.ARM64, COFF_ARM64);
    };
  }
}
