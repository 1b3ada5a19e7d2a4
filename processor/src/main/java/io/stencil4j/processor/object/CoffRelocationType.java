package io.stencil4j.processor.object;

import static io.stencil4j.processor.object.CoffReader.IMAGE_FILE_MACHINE_AMD64;
import static io.stencil4j.processor.object.CoffReader.IMAGE_FILE_MACHINE_ARM64;
import static io.stencil4j.processor.object.CoffReader.IMAGE_FILE_MACHINE_I386;

import java.util.Map;

/**
 * The COFF relocation types of AMD64, I386 and ARM64, named as LLVM 19 spells them (from {@code
 * COFFObjectFile::getRelocationTypeName}), so messages and tests match {@code llvm-readobj}
 * output, each with where its addend is stored ({@link CoffRelocations} reads it there).
 */
public enum CoffRelocationType implements RelocationType {
  // The format's table, one constant per type as LLVM names it (data, so the rows look alike).
  /** Ignored. */
  IMAGE_REL_AMD64_ABSOLUTE(IMAGE_FILE_MACHINE_AMD64, 0x0, Addend.NONE),
  /** The target's 64-bit address. */
  IMAGE_REL_AMD64_ADDR64(IMAGE_FILE_MACHINE_AMD64, 0x1, Addend.FIELD_64),
  /** The target's 32-bit address. */
  IMAGE_REL_AMD64_ADDR32(IMAGE_FILE_MACHINE_AMD64, 0x2, Addend.FIELD_32),
  /** The target's 32-bit address relative to the image base (RVA). */
  IMAGE_REL_AMD64_ADDR32NB(IMAGE_FILE_MACHINE_AMD64, 0x3, Addend.FIELD_32),
  /** The target relative to the end of the 32-bit field. */
  IMAGE_REL_AMD64_REL32(IMAGE_FILE_MACHINE_AMD64, 0x4, Addend.FIELD_32, 4),
  /** The target relative to 1 byte past the end of the 32-bit field. */
  IMAGE_REL_AMD64_REL32_1(IMAGE_FILE_MACHINE_AMD64, 0x5, Addend.FIELD_32, 5),
  /** The target relative to 2 bytes past the end of the 32-bit field. */
  IMAGE_REL_AMD64_REL32_2(IMAGE_FILE_MACHINE_AMD64, 0x6, Addend.FIELD_32, 6),
  /** The target relative to 3 bytes past the end of the 32-bit field. */
  IMAGE_REL_AMD64_REL32_3(IMAGE_FILE_MACHINE_AMD64, 0x7, Addend.FIELD_32, 7),
  /** The target relative to 4 bytes past the end of the 32-bit field. */
  IMAGE_REL_AMD64_REL32_4(IMAGE_FILE_MACHINE_AMD64, 0x8, Addend.FIELD_32, 8),
  /** The target relative to 5 bytes past the end of the 32-bit field. */
  IMAGE_REL_AMD64_REL32_5(IMAGE_FILE_MACHINE_AMD64, 0x9, Addend.FIELD_32, 9),
  /** The 16-bit index of the target's section (debug information). */
  IMAGE_REL_AMD64_SECTION(IMAGE_FILE_MACHINE_AMD64, 0xa, Addend.NONE),
  /** The target's 32-bit offset from the start of its section. */
  IMAGE_REL_AMD64_SECREL(IMAGE_FILE_MACHINE_AMD64, 0xb, Addend.FIELD_32),
  /** The target's 7-bit offset from the start of its section. */
  IMAGE_REL_AMD64_SECREL7(IMAGE_FILE_MACHINE_AMD64, 0xc, Addend.NONE),
  /** A CLR token. */
  IMAGE_REL_AMD64_TOKEN(IMAGE_FILE_MACHINE_AMD64, 0xd, Addend.NONE),
  /** A 32-bit span-dependent value emitted into the object. */
  IMAGE_REL_AMD64_SREL32(IMAGE_FILE_MACHINE_AMD64, 0xe, Addend.NONE),
  /** The pair that follows every span-dependent value. */
  IMAGE_REL_AMD64_PAIR(IMAGE_FILE_MACHINE_AMD64, 0xf, Addend.NONE),
  /** A 32-bit span-dependent value applied at link time. */
  IMAGE_REL_AMD64_SSPAN32(IMAGE_FILE_MACHINE_AMD64, 0x10, Addend.NONE),
  /** Ignored. */
  IMAGE_REL_I386_ABSOLUTE(IMAGE_FILE_MACHINE_I386, 0x0, Addend.NONE),
  /** The target's 16-bit address (not supported by Microsoft's tools). */
  IMAGE_REL_I386_DIR16(IMAGE_FILE_MACHINE_I386, 0x1, Addend.NONE),
  /** The target's 16-bit relative address (not supported by Microsoft's tools). */
  IMAGE_REL_I386_REL16(IMAGE_FILE_MACHINE_I386, 0x2, Addend.NONE),
  /** The target's 32-bit address. */
  IMAGE_REL_I386_DIR32(IMAGE_FILE_MACHINE_I386, 0x6, Addend.FIELD_32),
  /** The target's 32-bit address relative to the image base (RVA). */
  IMAGE_REL_I386_DIR32NB(IMAGE_FILE_MACHINE_I386, 0x7, Addend.FIELD_32),
  /** A segment selector (not supported by Microsoft's tools). */
  IMAGE_REL_I386_SEG12(IMAGE_FILE_MACHINE_I386, 0x9, Addend.NONE),
  /** The 16-bit index of the target's section (debug information). */
  IMAGE_REL_I386_SECTION(IMAGE_FILE_MACHINE_I386, 0xa, Addend.NONE),
  /** The target's 32-bit offset from the start of its section. */
  IMAGE_REL_I386_SECREL(IMAGE_FILE_MACHINE_I386, 0xb, Addend.FIELD_32),
  /** A CLR token. */
  IMAGE_REL_I386_TOKEN(IMAGE_FILE_MACHINE_I386, 0xc, Addend.NONE),
  /** The target's 7-bit offset from the start of its section. */
  IMAGE_REL_I386_SECREL7(IMAGE_FILE_MACHINE_I386, 0xd, Addend.NONE),
  /** The target relative to the end of the 32-bit field. */
  IMAGE_REL_I386_REL32(IMAGE_FILE_MACHINE_I386, 0x14, Addend.FIELD_32, 4),
  /** Ignored. */
  IMAGE_REL_ARM64_ABSOLUTE(IMAGE_FILE_MACHINE_ARM64, 0x0, Addend.NONE),
  /** The target's 32-bit address. */
  IMAGE_REL_ARM64_ADDR32(IMAGE_FILE_MACHINE_ARM64, 0x1, Addend.FIELD_32),
  /** The target's 32-bit address relative to the image base (RVA). */
  IMAGE_REL_ARM64_ADDR32NB(IMAGE_FILE_MACHINE_ARM64, 0x2, Addend.FIELD_32),
  /** B or BL: the 26-bit word offset to the target. */
  IMAGE_REL_ARM64_BRANCH26(IMAGE_FILE_MACHINE_ARM64, 0x3, Addend.BRANCH26),
  /** ADRP: the offset of the target's 4 KiB page. */
  IMAGE_REL_ARM64_PAGEBASE_REL21(IMAGE_FILE_MACHINE_ARM64, 0x4, Addend.ADR21),
  /** ADR: the 21-bit offset to the target. */
  IMAGE_REL_ARM64_REL21(IMAGE_FILE_MACHINE_ARM64, 0x5, Addend.ADR21),
  /** ADD: the target's 12-bit offset within its page. */
  IMAGE_REL_ARM64_PAGEOFFSET_12A(IMAGE_FILE_MACHINE_ARM64, 0x6, Addend.PAGE_OFFSET),
  /** A load or store: the target's offset within its page, scaled. */
  IMAGE_REL_ARM64_PAGEOFFSET_12L(IMAGE_FILE_MACHINE_ARM64, 0x7, Addend.SCALED_PAGE_OFFSET),
  /** The target's 32-bit offset from the start of its section. */
  IMAGE_REL_ARM64_SECREL(IMAGE_FILE_MACHINE_ARM64, 0x8, Addend.FIELD_32),
  /** ADD: bits 11-0 of the target's offset in its section. */
  IMAGE_REL_ARM64_SECREL_LOW12A(IMAGE_FILE_MACHINE_ARM64, 0x9, Addend.NONE),
  /** ADD: bits 23-12 of the target's offset in its section. */
  IMAGE_REL_ARM64_SECREL_HIGH12A(IMAGE_FILE_MACHINE_ARM64, 0xa, Addend.NONE),
  /** A load or store: bits 11-0 of the target's offset in its section. */
  IMAGE_REL_ARM64_SECREL_LOW12L(IMAGE_FILE_MACHINE_ARM64, 0xb, Addend.NONE),
  /** A CLR token. */
  IMAGE_REL_ARM64_TOKEN(IMAGE_FILE_MACHINE_ARM64, 0xc, Addend.NONE),
  /** The 16-bit index of the target's section (debug information). */
  IMAGE_REL_ARM64_SECTION(IMAGE_FILE_MACHINE_ARM64, 0xd, Addend.NONE),
  /** The target's 64-bit address. */
  IMAGE_REL_ARM64_ADDR64(IMAGE_FILE_MACHINE_ARM64, 0xe, Addend.FIELD_64),
  /** B.cond, CBZ or CBNZ: the 19-bit word offset to the target. */
  IMAGE_REL_ARM64_BRANCH19(IMAGE_FILE_MACHINE_ARM64, 0xf, Addend.BRANCH19),
  /** TBZ or TBNZ: the 14-bit word offset to the target. */
  IMAGE_REL_ARM64_BRANCH14(IMAGE_FILE_MACHINE_ARM64, 0x10, Addend.BRANCH14),
  /** The target relative to the end of the 32-bit field. */
  IMAGE_REL_ARM64_REL32(IMAGE_FILE_MACHINE_ARM64, 0x11, Addend.FIELD_32, 4);

  /** How a type's addend is stored in the relocated bytes. */
  enum Addend {
    /** The signed 64-bit field. */
    FIELD_64,
    /** The signed 32-bit field, less the {@link #pcBias()} the CPU counts it from. */
    FIELD_32,
    /** An ARM64 B or BL: the signed 26-bit word offset. */
    BRANCH26,
    /** An ARM64 conditional branch or CBZ: the signed 19-bit word offset. */
    BRANCH19,
    /** An ARM64 TBZ: the signed 14-bit word offset. */
    BRANCH14,
    /** An ARM64 ADR or ADRP: the signed 21-bit immediate, taken as bytes. */
    ADR21,
    /** An ARM64 ADD: the 12-bit immediate. */
    PAGE_OFFSET,
    /** An ARM64 load or store: the 12-bit immediate scaled by the access size. */
    SCALED_PAGE_OFFSET,
    /** None: the type's bytes are left to whoever handles the type. */
    NONE
  }

  private static final Map<Integer, Map<Integer, CoffRelocationType>> BY_MACHINE =
      RelocationType.byMachine(values());

  private final int machine;
  private final int number;
  private final Addend addend;
  private final int pcBias;

  CoffRelocationType(int machine, int number, Addend addend) {
    this(machine, number, addend, 0);
  }

  CoffRelocationType(int machine, int number, Addend addend, int pcBias) {
    this.machine = machine;
    this.number = number;
    this.addend = addend;
    this.pcBias = pcBias;
  }

  // the accessors repeat in each format's table: an enum cannot inherit fields
  @Override
  public int machine() {
    return machine;
  }

  @Override
  public int number() {
    return number;
  }

  /** Where the addend is stored. */
  Addend addend() {
    return addend;
  }

  /**
   * The {@link Relocation#pcBias()}: {@code REL32} counts from the end of its field, {@code
   * REL32_N} from N bytes further; the rest are absolute or AArch64.
   */
  int pcBias() {
    return pcBias;
  }

  /** Relocation type {@code type} on {@code machine}, or null if LLVM does not name it. */
  static CoffRelocationType of(int machine, int type) {
    return BY_MACHINE.get(machine).get(type);
  }
}
