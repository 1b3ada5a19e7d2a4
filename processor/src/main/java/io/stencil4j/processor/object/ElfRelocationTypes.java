package io.stencil4j.processor.object;

import static java.util.Map.entry;

import java.util.Map;
import java.util.Set;

/**
 * ELF relocation type names as LLVM 19 spells them (from its {@code ELFRelocs/x86_64.def} and
 * {@code AArch64.def}), so messages and tests match {@code llvm-readobj} output.
 */
final class ElfRelocationTypes {
  private static final Map<Integer, String> X86_64 = Map.ofEntries(
      entry(0, "R_X86_64_NONE"),
      entry(1, "R_X86_64_64"),
      entry(2, "R_X86_64_PC32"),
      entry(3, "R_X86_64_GOT32"),
      entry(4, "R_X86_64_PLT32"),
      entry(5, "R_X86_64_COPY"),
      entry(6, "R_X86_64_GLOB_DAT"),
      entry(7, "R_X86_64_JUMP_SLOT"),
      entry(8, "R_X86_64_RELATIVE"),
      entry(9, "R_X86_64_GOTPCREL"),
      entry(10, "R_X86_64_32"),
      entry(11, "R_X86_64_32S"),
      entry(12, "R_X86_64_16"),
      entry(13, "R_X86_64_PC16"),
      entry(14, "R_X86_64_8"),
      entry(15, "R_X86_64_PC8"),
      entry(16, "R_X86_64_DTPMOD64"),
      entry(17, "R_X86_64_DTPOFF64"),
      entry(18, "R_X86_64_TPOFF64"),
      entry(19, "R_X86_64_TLSGD"),
      entry(20, "R_X86_64_TLSLD"),
      entry(21, "R_X86_64_DTPOFF32"),
      entry(22, "R_X86_64_GOTTPOFF"),
      entry(23, "R_X86_64_TPOFF32"),
      entry(24, "R_X86_64_PC64"),
      entry(25, "R_X86_64_GOTOFF64"),
      entry(26, "R_X86_64_GOTPC32"),
      entry(27, "R_X86_64_GOT64"),
      entry(28, "R_X86_64_GOTPCREL64"),
      entry(29, "R_X86_64_GOTPC64"),
      entry(30, "R_X86_64_GOTPLT64"),
      entry(31, "R_X86_64_PLTOFF64"),
      entry(32, "R_X86_64_SIZE32"),
      entry(33, "R_X86_64_SIZE64"),
      entry(34, "R_X86_64_GOTPC32_TLSDESC"),
      entry(35, "R_X86_64_TLSDESC_CALL"),
      entry(36, "R_X86_64_TLSDESC"),
      entry(37, "R_X86_64_IRELATIVE"),
      entry(41, "R_X86_64_GOTPCRELX"),
      entry(42, "R_X86_64_REX_GOTPCRELX"));

  // The ILP32 (R_AARCH64_P32_*) types are left out: they only occur in ELFCLASS32 objects, which
  // the reader rejects, and their numbers would otherwise give a wrong name to garbage types.
  private static final Map<Integer, String> AARCH64 = Map.ofEntries(
      entry(0x0, "R_AARCH64_NONE"),
      entry(0x101, "R_AARCH64_ABS64"),
      entry(0x102, "R_AARCH64_ABS32"),
      entry(0x103, "R_AARCH64_ABS16"),
      entry(0x104, "R_AARCH64_PREL64"),
      entry(0x105, "R_AARCH64_PREL32"),
      entry(0x106, "R_AARCH64_PREL16"),
      entry(0x107, "R_AARCH64_MOVW_UABS_G0"),
      entry(0x108, "R_AARCH64_MOVW_UABS_G0_NC"),
      entry(0x109, "R_AARCH64_MOVW_UABS_G1"),
      entry(0x10a, "R_AARCH64_MOVW_UABS_G1_NC"),
      entry(0x10b, "R_AARCH64_MOVW_UABS_G2"),
      entry(0x10c, "R_AARCH64_MOVW_UABS_G2_NC"),
      entry(0x10d, "R_AARCH64_MOVW_UABS_G3"),
      entry(0x10e, "R_AARCH64_MOVW_SABS_G0"),
      entry(0x10f, "R_AARCH64_MOVW_SABS_G1"),
      entry(0x110, "R_AARCH64_MOVW_SABS_G2"),
      entry(0x111, "R_AARCH64_LD_PREL_LO19"),
      entry(0x112, "R_AARCH64_ADR_PREL_LO21"),
      entry(0x113, "R_AARCH64_ADR_PREL_PG_HI21"),
      entry(0x114, "R_AARCH64_ADR_PREL_PG_HI21_NC"),
      entry(0x115, "R_AARCH64_ADD_ABS_LO12_NC"),
      entry(0x116, "R_AARCH64_LDST8_ABS_LO12_NC"),
      entry(0x117, "R_AARCH64_TSTBR14"),
      entry(0x118, "R_AARCH64_CONDBR19"),
      entry(0x11a, "R_AARCH64_JUMP26"),
      entry(0x11b, "R_AARCH64_CALL26"),
      entry(0x11c, "R_AARCH64_LDST16_ABS_LO12_NC"),
      entry(0x11d, "R_AARCH64_LDST32_ABS_LO12_NC"),
      entry(0x11e, "R_AARCH64_LDST64_ABS_LO12_NC"),
      entry(0x11f, "R_AARCH64_MOVW_PREL_G0"),
      entry(0x120, "R_AARCH64_MOVW_PREL_G0_NC"),
      entry(0x121, "R_AARCH64_MOVW_PREL_G1"),
      entry(0x122, "R_AARCH64_MOVW_PREL_G1_NC"),
      entry(0x123, "R_AARCH64_MOVW_PREL_G2"),
      entry(0x124, "R_AARCH64_MOVW_PREL_G2_NC"),
      entry(0x125, "R_AARCH64_MOVW_PREL_G3"),
      entry(0x12b, "R_AARCH64_LDST128_ABS_LO12_NC"),
      entry(0x12c, "R_AARCH64_MOVW_GOTOFF_G0"),
      entry(0x12d, "R_AARCH64_MOVW_GOTOFF_G0_NC"),
      entry(0x12e, "R_AARCH64_MOVW_GOTOFF_G1"),
      entry(0x12f, "R_AARCH64_MOVW_GOTOFF_G1_NC"),
      entry(0x130, "R_AARCH64_MOVW_GOTOFF_G2"),
      entry(0x131, "R_AARCH64_MOVW_GOTOFF_G2_NC"),
      entry(0x132, "R_AARCH64_MOVW_GOTOFF_G3"),
      entry(0x133, "R_AARCH64_GOTREL64"),
      entry(0x134, "R_AARCH64_GOTREL32"),
      entry(0x135, "R_AARCH64_GOT_LD_PREL19"),
      entry(0x136, "R_AARCH64_LD64_GOTOFF_LO15"),
      entry(0x137, "R_AARCH64_ADR_GOT_PAGE"),
      entry(0x138, "R_AARCH64_LD64_GOT_LO12_NC"),
      entry(0x139, "R_AARCH64_LD64_GOTPAGE_LO15"),
      entry(0x13a, "R_AARCH64_PLT32"),
      entry(0x13b, "R_AARCH64_GOTPCREL32"),
      entry(0x200, "R_AARCH64_TLSGD_ADR_PREL21"),
      entry(0x201, "R_AARCH64_TLSGD_ADR_PAGE21"),
      entry(0x202, "R_AARCH64_TLSGD_ADD_LO12_NC"),
      entry(0x203, "R_AARCH64_TLSGD_MOVW_G1"),
      entry(0x204, "R_AARCH64_TLSGD_MOVW_G0_NC"),
      entry(0x205, "R_AARCH64_TLSLD_ADR_PREL21"),
      entry(0x206, "R_AARCH64_TLSLD_ADR_PAGE21"),
      entry(0x207, "R_AARCH64_TLSLD_ADD_LO12_NC"),
      entry(0x208, "R_AARCH64_TLSLD_MOVW_G1"),
      entry(0x209, "R_AARCH64_TLSLD_MOVW_G0_NC"),
      entry(0x20a, "R_AARCH64_TLSLD_LD_PREL19"),
      entry(0x20b, "R_AARCH64_TLSLD_MOVW_DTPREL_G2"),
      entry(0x20c, "R_AARCH64_TLSLD_MOVW_DTPREL_G1"),
      entry(0x20d, "R_AARCH64_TLSLD_MOVW_DTPREL_G1_NC"),
      entry(0x20e, "R_AARCH64_TLSLD_MOVW_DTPREL_G0"),
      entry(0x20f, "R_AARCH64_TLSLD_MOVW_DTPREL_G0_NC"),
      entry(0x210, "R_AARCH64_TLSLD_ADD_DTPREL_HI12"),
      entry(0x211, "R_AARCH64_TLSLD_ADD_DTPREL_LO12"),
      entry(0x212, "R_AARCH64_TLSLD_ADD_DTPREL_LO12_NC"),
      entry(0x213, "R_AARCH64_TLSLD_LDST8_DTPREL_LO12"),
      entry(0x214, "R_AARCH64_TLSLD_LDST8_DTPREL_LO12_NC"),
      entry(0x215, "R_AARCH64_TLSLD_LDST16_DTPREL_LO12"),
      entry(0x216, "R_AARCH64_TLSLD_LDST16_DTPREL_LO12_NC"),
      entry(0x217, "R_AARCH64_TLSLD_LDST32_DTPREL_LO12"),
      entry(0x218, "R_AARCH64_TLSLD_LDST32_DTPREL_LO12_NC"),
      entry(0x219, "R_AARCH64_TLSLD_LDST64_DTPREL_LO12"),
      entry(0x21a, "R_AARCH64_TLSLD_LDST64_DTPREL_LO12_NC"),
      entry(0x21b, "R_AARCH64_TLSIE_MOVW_GOTTPREL_G1"),
      entry(0x21c, "R_AARCH64_TLSIE_MOVW_GOTTPREL_G0_NC"),
      entry(0x21d, "R_AARCH64_TLSIE_ADR_GOTTPREL_PAGE21"),
      entry(0x21e, "R_AARCH64_TLSIE_LD64_GOTTPREL_LO12_NC"),
      entry(0x21f, "R_AARCH64_TLSIE_LD_GOTTPREL_PREL19"),
      entry(0x220, "R_AARCH64_TLSLE_MOVW_TPREL_G2"),
      entry(0x221, "R_AARCH64_TLSLE_MOVW_TPREL_G1"),
      entry(0x222, "R_AARCH64_TLSLE_MOVW_TPREL_G1_NC"),
      entry(0x223, "R_AARCH64_TLSLE_MOVW_TPREL_G0"),
      entry(0x224, "R_AARCH64_TLSLE_MOVW_TPREL_G0_NC"),
      entry(0x225, "R_AARCH64_TLSLE_ADD_TPREL_HI12"),
      entry(0x226, "R_AARCH64_TLSLE_ADD_TPREL_LO12"),
      entry(0x227, "R_AARCH64_TLSLE_ADD_TPREL_LO12_NC"),
      entry(0x228, "R_AARCH64_TLSLE_LDST8_TPREL_LO12"),
      entry(0x229, "R_AARCH64_TLSLE_LDST8_TPREL_LO12_NC"),
      entry(0x22a, "R_AARCH64_TLSLE_LDST16_TPREL_LO12"),
      entry(0x22b, "R_AARCH64_TLSLE_LDST16_TPREL_LO12_NC"),
      entry(0x22c, "R_AARCH64_TLSLE_LDST32_TPREL_LO12"),
      entry(0x22d, "R_AARCH64_TLSLE_LDST32_TPREL_LO12_NC"),
      entry(0x22e, "R_AARCH64_TLSLE_LDST64_TPREL_LO12"),
      entry(0x22f, "R_AARCH64_TLSLE_LDST64_TPREL_LO12_NC"),
      entry(0x230, "R_AARCH64_TLSDESC_LD_PREL19"),
      entry(0x231, "R_AARCH64_TLSDESC_ADR_PREL21"),
      entry(0x232, "R_AARCH64_TLSDESC_ADR_PAGE21"),
      entry(0x233, "R_AARCH64_TLSDESC_LD64_LO12"),
      entry(0x234, "R_AARCH64_TLSDESC_ADD_LO12"),
      entry(0x235, "R_AARCH64_TLSDESC_OFF_G1"),
      entry(0x236, "R_AARCH64_TLSDESC_OFF_G0_NC"),
      entry(0x237, "R_AARCH64_TLSDESC_LDR"),
      entry(0x238, "R_AARCH64_TLSDESC_ADD"),
      entry(0x239, "R_AARCH64_TLSDESC_CALL"),
      entry(0x23a, "R_AARCH64_TLSLE_LDST128_TPREL_LO12"),
      entry(0x23b, "R_AARCH64_TLSLE_LDST128_TPREL_LO12_NC"),
      entry(0x23c, "R_AARCH64_TLSLD_LDST128_DTPREL_LO12"),
      entry(0x23d, "R_AARCH64_TLSLD_LDST128_DTPREL_LO12_NC"),
      entry(0x244, "R_AARCH64_AUTH_ABS64"),
      entry(0x400, "R_AARCH64_COPY"),
      entry(0x401, "R_AARCH64_GLOB_DAT"),
      entry(0x402, "R_AARCH64_JUMP_SLOT"),
      entry(0x403, "R_AARCH64_RELATIVE"),
      entry(0x404, "R_AARCH64_TLS_DTPMOD64"),
      entry(0x405, "R_AARCH64_TLS_DTPREL64"),
      entry(0x406, "R_AARCH64_TLS_TPREL64"),
      entry(0x407, "R_AARCH64_TLSDESC"),
      entry(0x408, "R_AARCH64_IRELATIVE"),
      entry(0x411, "R_AARCH64_AUTH_RELATIVE"));

  /**
   * The x86-64 types whose field is a displacement inside an instruction: their
   * {@link Relocation#pcBias()} depends on what follows the field, which ELF does not record.
   */
  private static final Set<Integer> X86_64_PC_RELATIVE =
      Set.of(2, 4, 9, 13, 15, 19, 20, 22, 24, 26, 28, 29, 34, 41, 42);

  private ElfRelocationTypes() {}

  /** The {@link Relocation#pcBias()} of {@code type} on {@code machine} in code or data. */
  static int pcBias(int machine, int type, boolean inCode) {
    boolean open = machine == ElfReader.EM_X86_64 && inCode && X86_64_PC_RELATIVE.contains(type);
    return open ? Relocation.UNKNOWN_PC_BIAS : 0; // AArch64 counts from the instruction itself
  }

  /** LLVM's name of relocation {@code type} on {@code machine}, or "unknown type 0x..". */
  static String name(int machine, int type) {
    Map<Integer, String> names = switch (machine) {
      case ElfReader.EM_X86_64 -> X86_64;
      case ElfReader.EM_AARCH64 -> AARCH64;
      default -> throw new IllegalArgumentException("machine " + machine);
    };
    String name = names.get(type);
    return name != null ? name : "unknown type 0x" + Integer.toHexString(type);
  }
}
