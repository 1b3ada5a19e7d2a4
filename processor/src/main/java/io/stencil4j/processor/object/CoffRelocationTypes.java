package io.stencil4j.processor.object;

import static java.util.Map.entry;

import java.util.Map;

/**
 * COFF relocation type names as LLVM 19 spells them (from {@code COFFObjectFile::
 * getRelocationTypeName}), so messages and tests match {@code llvm-readobj} output.
 */
final class CoffRelocationTypes {
  private static final Map<Integer, String> AMD64 = Map.ofEntries(
      entry(0x0, "IMAGE_REL_AMD64_ABSOLUTE"),
      entry(0x1, "IMAGE_REL_AMD64_ADDR64"),
      entry(0x2, "IMAGE_REL_AMD64_ADDR32"),
      entry(0x3, "IMAGE_REL_AMD64_ADDR32NB"),
      entry(0x4, "IMAGE_REL_AMD64_REL32"),
      entry(0x5, "IMAGE_REL_AMD64_REL32_1"),
      entry(0x6, "IMAGE_REL_AMD64_REL32_2"),
      entry(0x7, "IMAGE_REL_AMD64_REL32_3"),
      entry(0x8, "IMAGE_REL_AMD64_REL32_4"),
      entry(0x9, "IMAGE_REL_AMD64_REL32_5"),
      entry(0xa, "IMAGE_REL_AMD64_SECTION"),
      entry(0xb, "IMAGE_REL_AMD64_SECREL"),
      entry(0xc, "IMAGE_REL_AMD64_SECREL7"),
      entry(0xd, "IMAGE_REL_AMD64_TOKEN"),
      entry(0xe, "IMAGE_REL_AMD64_SREL32"),
      entry(0xf, "IMAGE_REL_AMD64_PAIR"),
      entry(0x10, "IMAGE_REL_AMD64_SSPAN32"));

  private static final Map<Integer, String> I386 = Map.ofEntries(
      entry(0x0, "IMAGE_REL_I386_ABSOLUTE"),
      entry(0x1, "IMAGE_REL_I386_DIR16"),
      entry(0x2, "IMAGE_REL_I386_REL16"),
      entry(0x6, "IMAGE_REL_I386_DIR32"),
      entry(0x7, "IMAGE_REL_I386_DIR32NB"),
      entry(0x9, "IMAGE_REL_I386_SEG12"),
      entry(0xa, "IMAGE_REL_I386_SECTION"),
      entry(0xb, "IMAGE_REL_I386_SECREL"),
      entry(0xc, "IMAGE_REL_I386_TOKEN"),
      entry(0xd, "IMAGE_REL_I386_SECREL7"),
      entry(0x14, "IMAGE_REL_I386_REL32"));

  private static final Map<Integer, String> ARM64 = Map.ofEntries(
      entry(0x0, "IMAGE_REL_ARM64_ABSOLUTE"),
      entry(0x1, "IMAGE_REL_ARM64_ADDR32"),
      entry(0x2, "IMAGE_REL_ARM64_ADDR32NB"),
      entry(0x3, "IMAGE_REL_ARM64_BRANCH26"),
      entry(0x4, "IMAGE_REL_ARM64_PAGEBASE_REL21"),
      entry(0x5, "IMAGE_REL_ARM64_REL21"),
      entry(0x6, "IMAGE_REL_ARM64_PAGEOFFSET_12A"),
      entry(0x7, "IMAGE_REL_ARM64_PAGEOFFSET_12L"),
      entry(0x8, "IMAGE_REL_ARM64_SECREL"),
      entry(0x9, "IMAGE_REL_ARM64_SECREL_LOW12A"),
      entry(0xa, "IMAGE_REL_ARM64_SECREL_HIGH12A"),
      entry(0xb, "IMAGE_REL_ARM64_SECREL_LOW12L"),
      entry(0xc, "IMAGE_REL_ARM64_TOKEN"),
      entry(0xd, "IMAGE_REL_ARM64_SECTION"),
      entry(0xe, "IMAGE_REL_ARM64_ADDR64"),
      entry(0xf, "IMAGE_REL_ARM64_BRANCH19"),
      entry(0x10, "IMAGE_REL_ARM64_BRANCH14"),
      entry(0x11, "IMAGE_REL_ARM64_REL32"));

  private CoffRelocationTypes() {}

  /** LLVM's name of relocation {@code type} on {@code machine}, or "unknown type 0x..". */
  static String name(int machine, int type) {
    Map<Integer, String> names = switch (machine) {
      case CoffReader.IMAGE_FILE_MACHINE_AMD64 -> AMD64;
      case CoffReader.IMAGE_FILE_MACHINE_I386 -> I386;
      case CoffReader.IMAGE_FILE_MACHINE_ARM64 -> ARM64;
      default -> throw new IllegalArgumentException("machine " + machine);
    };
    String name = names.get(type);
    return name != null ? name : "unknown type 0x" + Integer.toHexString(type);
  }
}
