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
  IMAGE_REL_AMD64_ABSOLUTE(IMAGE_FILE_MACHINE_AMD64, 0x0, Addend.NONE),
  IMAGE_REL_AMD64_ADDR64(IMAGE_FILE_MACHINE_AMD64, 0x1, Addend.FIELD_64),
  IMAGE_REL_AMD64_ADDR32(IMAGE_FILE_MACHINE_AMD64, 0x2, Addend.FIELD_32),
  IMAGE_REL_AMD64_ADDR32NB(IMAGE_FILE_MACHINE_AMD64, 0x3, Addend.FIELD_32),
  IMAGE_REL_AMD64_REL32(IMAGE_FILE_MACHINE_AMD64, 0x4, Addend.FIELD_32, 4),
  IMAGE_REL_AMD64_REL32_1(IMAGE_FILE_MACHINE_AMD64, 0x5, Addend.FIELD_32, 5),
  IMAGE_REL_AMD64_REL32_2(IMAGE_FILE_MACHINE_AMD64, 0x6, Addend.FIELD_32, 6),
  IMAGE_REL_AMD64_REL32_3(IMAGE_FILE_MACHINE_AMD64, 0x7, Addend.FIELD_32, 7),
  IMAGE_REL_AMD64_REL32_4(IMAGE_FILE_MACHINE_AMD64, 0x8, Addend.FIELD_32, 8),
  IMAGE_REL_AMD64_REL32_5(IMAGE_FILE_MACHINE_AMD64, 0x9, Addend.FIELD_32, 9),
  IMAGE_REL_AMD64_SECTION(IMAGE_FILE_MACHINE_AMD64, 0xa, Addend.NONE),
  IMAGE_REL_AMD64_SECREL(IMAGE_FILE_MACHINE_AMD64, 0xb, Addend.FIELD_32),
  IMAGE_REL_AMD64_SECREL7(IMAGE_FILE_MACHINE_AMD64, 0xc, Addend.NONE),
  IMAGE_REL_AMD64_TOKEN(IMAGE_FILE_MACHINE_AMD64, 0xd, Addend.NONE),
  IMAGE_REL_AMD64_SREL32(IMAGE_FILE_MACHINE_AMD64, 0xe, Addend.NONE),
  IMAGE_REL_AMD64_PAIR(IMAGE_FILE_MACHINE_AMD64, 0xf, Addend.NONE),
  IMAGE_REL_AMD64_SSPAN32(IMAGE_FILE_MACHINE_AMD64, 0x10, Addend.NONE),
  IMAGE_REL_I386_ABSOLUTE(IMAGE_FILE_MACHINE_I386, 0x0, Addend.NONE),
  IMAGE_REL_I386_DIR16(IMAGE_FILE_MACHINE_I386, 0x1, Addend.NONE),
  IMAGE_REL_I386_REL16(IMAGE_FILE_MACHINE_I386, 0x2, Addend.NONE),
  IMAGE_REL_I386_DIR32(IMAGE_FILE_MACHINE_I386, 0x6, Addend.FIELD_32),
  IMAGE_REL_I386_DIR32NB(IMAGE_FILE_MACHINE_I386, 0x7, Addend.FIELD_32),
  IMAGE_REL_I386_SEG12(IMAGE_FILE_MACHINE_I386, 0x9, Addend.NONE),
  IMAGE_REL_I386_SECTION(IMAGE_FILE_MACHINE_I386, 0xa, Addend.NONE),
  IMAGE_REL_I386_SECREL(IMAGE_FILE_MACHINE_I386, 0xb, Addend.FIELD_32),
  IMAGE_REL_I386_TOKEN(IMAGE_FILE_MACHINE_I386, 0xc, Addend.NONE),
  IMAGE_REL_I386_SECREL7(IMAGE_FILE_MACHINE_I386, 0xd, Addend.NONE),
  IMAGE_REL_I386_REL32(IMAGE_FILE_MACHINE_I386, 0x14, Addend.FIELD_32, 4),
  IMAGE_REL_ARM64_ABSOLUTE(IMAGE_FILE_MACHINE_ARM64, 0x0, Addend.NONE),
  IMAGE_REL_ARM64_ADDR32(IMAGE_FILE_MACHINE_ARM64, 0x1, Addend.FIELD_32),
  IMAGE_REL_ARM64_ADDR32NB(IMAGE_FILE_MACHINE_ARM64, 0x2, Addend.FIELD_32),
  IMAGE_REL_ARM64_BRANCH26(IMAGE_FILE_MACHINE_ARM64, 0x3, Addend.BRANCH26),
  IMAGE_REL_ARM64_PAGEBASE_REL21(IMAGE_FILE_MACHINE_ARM64, 0x4, Addend.ADR21),
  IMAGE_REL_ARM64_REL21(IMAGE_FILE_MACHINE_ARM64, 0x5, Addend.ADR21),
  IMAGE_REL_ARM64_PAGEOFFSET_12A(IMAGE_FILE_MACHINE_ARM64, 0x6, Addend.PAGE_OFFSET),
  IMAGE_REL_ARM64_PAGEOFFSET_12L(IMAGE_FILE_MACHINE_ARM64, 0x7, Addend.SCALED_PAGE_OFFSET),
  IMAGE_REL_ARM64_SECREL(IMAGE_FILE_MACHINE_ARM64, 0x8, Addend.FIELD_32),
  IMAGE_REL_ARM64_SECREL_LOW12A(IMAGE_FILE_MACHINE_ARM64, 0x9, Addend.NONE),
  IMAGE_REL_ARM64_SECREL_HIGH12A(IMAGE_FILE_MACHINE_ARM64, 0xa, Addend.NONE),
  IMAGE_REL_ARM64_SECREL_LOW12L(IMAGE_FILE_MACHINE_ARM64, 0xb, Addend.NONE),
  IMAGE_REL_ARM64_TOKEN(IMAGE_FILE_MACHINE_ARM64, 0xc, Addend.NONE),
  IMAGE_REL_ARM64_SECTION(IMAGE_FILE_MACHINE_ARM64, 0xd, Addend.NONE),
  IMAGE_REL_ARM64_ADDR64(IMAGE_FILE_MACHINE_ARM64, 0xe, Addend.FIELD_64),
  IMAGE_REL_ARM64_BRANCH19(IMAGE_FILE_MACHINE_ARM64, 0xf, Addend.BRANCH19),
  IMAGE_REL_ARM64_BRANCH14(IMAGE_FILE_MACHINE_ARM64, 0x10, Addend.BRANCH14),
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
