package io.stencil4j.processor.object;

import java.util.List;

/**
 * The Mach-O relocation types the reader accepts, with LLVM 19's names (from its
 * {@code BinaryFormat/MachO.h}, as {@code llvm-readobj} prints them) and the shape each type must
 * have. The implicit addend is read from the patched field, so a field of the wrong width or
 * PC-relativity would give a wrong addend: such entries are rejected instead.
 */
final class MachORelocationTypes {
  /** {@code r_length} of a type whose field is 4 or 8 bytes wide, as the entry says. */
  static final int VARIABLE_LENGTH = -1;

  /** Where a type's addend comes from. */
  enum Addend {
    /** The field's value: an absolute address or a symbol offset ({@code *_UNSIGNED}). */
    FIELD,
    /** None: the entry names the subtrahend of the {@code *_UNSIGNED} entry that follows it. */
    SUBTRAHEND,
    /** The field's value, a displacement from the end of the 4-byte field (x86-64). */
    FIELD_FROM_END,
    /** A preceding {@code ARM64_RELOC_ADDEND} entry, or 0 without one. */
    ADDEND_ENTRY,
    /** Always 0: GOT and thread-local references to a symbol itself. */
    NONE,
    /** This is the {@code ARM64_RELOC_ADDEND} entry, which carries the next entry's addend. */
    FOR_NEXT
  }

  /**
   * The shape of one relocation type.
   *
   * @param name LLVM's name
   * @param pcRel the required {@code r_pcrel}
   * @param length the required {@code r_length} (log2 of the field's width in bytes), or
   *     {@link #VARIABLE_LENGTH} for 2 or 3
   * @param sectionBased whether the type may refer to a section ({@code r_extern} 0) rather than a
   *     symbol
   * @param addend where the addend comes from
   * @param pcBias the {@link Relocation#pcBias()}: 4 past the x86-64 field, plus the bytes of
   *     immediate that {@code SIGNED_1/2/4} say follow it
   */
  record Type(String name, boolean pcRel, int length, boolean sectionBased, Addend addend,
      int pcBias) {
    Type(String name, boolean pcRel, int length, boolean sectionBased, Addend addend) {
      this(name, pcRel, length, sectionBased, addend, 0);
    }
  }

  private static final List<Type> X86_64 = List.of(
      new Type("X86_64_RELOC_UNSIGNED", false, VARIABLE_LENGTH, true, Addend.FIELD),
      new Type("X86_64_RELOC_SIGNED", true, 2, true, Addend.FIELD_FROM_END, 4),
      new Type("X86_64_RELOC_BRANCH", true, 2, true, Addend.FIELD_FROM_END, 4),
      new Type("X86_64_RELOC_GOT_LOAD", true, 2, false, Addend.FIELD_FROM_END, 4),
      new Type("X86_64_RELOC_GOT", true, 2, false, Addend.FIELD_FROM_END, 4),
      new Type("X86_64_RELOC_SUBTRACTOR", false, VARIABLE_LENGTH, true, Addend.SUBTRAHEND),
      new Type("X86_64_RELOC_SIGNED_1", true, 2, true, Addend.FIELD_FROM_END, 5),
      new Type("X86_64_RELOC_SIGNED_2", true, 2, true, Addend.FIELD_FROM_END, 6),
      new Type("X86_64_RELOC_SIGNED_4", true, 2, true, Addend.FIELD_FROM_END, 8),
      new Type("X86_64_RELOC_TLV", true, 2, false, Addend.FIELD_FROM_END, 4));

  // ARM64 instruction fields hold no addend (ld64 and lld ignore their bits); a preceding
  // ARM64_RELOC_ADDEND does, and only for symbol-based entries of the three types ld64 accepts
  // it for. ARM64_RELOC_POINTER_TO_GOT also has an 8-byte absolute form, which lld rejects; the
  // 4-byte PC-relative one is what LLVM emits for @GOT in .eh_frame.
  private static final List<Type> ARM64 = List.of(
      new Type("ARM64_RELOC_UNSIGNED", false, VARIABLE_LENGTH, true, Addend.FIELD),
      new Type("ARM64_RELOC_SUBTRACTOR", false, VARIABLE_LENGTH, true, Addend.SUBTRAHEND),
      new Type("ARM64_RELOC_BRANCH26", true, 2, false, Addend.ADDEND_ENTRY),
      new Type("ARM64_RELOC_PAGE21", true, 2, false, Addend.ADDEND_ENTRY),
      new Type("ARM64_RELOC_PAGEOFF12", false, 2, false, Addend.ADDEND_ENTRY),
      new Type("ARM64_RELOC_GOT_LOAD_PAGE21", true, 2, false, Addend.NONE),
      new Type("ARM64_RELOC_GOT_LOAD_PAGEOFF12", false, 2, false, Addend.NONE),
      new Type("ARM64_RELOC_POINTER_TO_GOT", true, 2, false, Addend.NONE),
      new Type("ARM64_RELOC_TLVP_LOAD_PAGE21", true, 2, false, Addend.NONE),
      new Type("ARM64_RELOC_TLVP_LOAD_PAGEOFF12", false, 2, false, Addend.NONE),
      new Type("ARM64_RELOC_ADDEND", false, 2, true, Addend.FOR_NEXT));

  private MachORelocationTypes() {}

  /** Relocation type {@code type} on {@code cputype}, or null if the reader does not know it. */
  static Type type(int cputype, int type) {
    List<Type> types = switch (cputype) {
      case MachOReader.CPU_TYPE_X86_64 -> X86_64;
      case MachOReader.CPU_TYPE_ARM64 -> ARM64;
      default -> throw new IllegalArgumentException("cputype 0x" + Integer.toHexString(cputype));
    };
    return type >= 0 && type < types.size() ? types.get(type) : null;
  }
}
