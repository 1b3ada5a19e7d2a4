package io.stencil4j.processor.object;

import static io.stencil4j.processor.object.MachOReader.CPU_TYPE_ARM64;
import static io.stencil4j.processor.object.MachOReader.CPU_TYPE_X86_64;

import java.util.Map;

/**
 * The Mach-O relocation types of x86-64 and arm64 that the reader accepts, with LLVM 19's names
 * (from its {@code BinaryFormat/MachO.h}, as {@code llvm-readobj} prints them) and the shape each
 * type must have. The implicit addend is read from the patched field, so a field of the wrong
 * width or PC-relativity would give a wrong addend: such entries are rejected instead.
 */
public enum MachORelocationType implements RelocationType {
  // The format's table, one constant per type as LLVM names it (data, so the rows look alike).
  /** The target's absolute address, 4 or 8 bytes. */
  X86_64_RELOC_UNSIGNED(CPU_TYPE_X86_64, 0, false,
      MachORelocationType.VARIABLE_LENGTH, true, Addend.FIELD),
  /** A 32-bit displacement to the target, as in a RIP-relative load. */
  X86_64_RELOC_SIGNED(CPU_TYPE_X86_64, 1, true, 2, true, Addend.FIELD_FROM_END, 4),
  /** A CALL or JMP's 32-bit displacement to the target. */
  X86_64_RELOC_BRANCH(CPU_TYPE_X86_64, 2, true, 2, true, Addend.FIELD_FROM_END, 4),
  /** A MOVQ's displacement to the target's GOT entry, which the linker may turn into LEA. */
  X86_64_RELOC_GOT_LOAD(CPU_TYPE_X86_64, 3, true, 2, false, Addend.FIELD_FROM_END, 4),
  /** Another 32-bit displacement to the target's GOT entry. */
  X86_64_RELOC_GOT(CPU_TYPE_X86_64, 4, true, 2, false, Addend.FIELD_FROM_END, 4),
  /** Subtracts its symbol from the next entry's: a difference of two addresses. */
  X86_64_RELOC_SUBTRACTOR(CPU_TYPE_X86_64, 5, false,
      MachORelocationType.VARIABLE_LENGTH, true, Addend.SUBTRAHEND),
  /** As {@code SIGNED}, with 1 byte of immediate after the field. */
  X86_64_RELOC_SIGNED_1(CPU_TYPE_X86_64, 6, true, 2, true, Addend.FIELD_FROM_END, 5),
  /** As {@code SIGNED}, with 2 bytes of immediate after the field. */
  X86_64_RELOC_SIGNED_2(CPU_TYPE_X86_64, 7, true, 2, true, Addend.FIELD_FROM_END, 6),
  /** As {@code SIGNED}, with 4 bytes of immediate after the field. */
  X86_64_RELOC_SIGNED_4(CPU_TYPE_X86_64, 8, true, 2, true, Addend.FIELD_FROM_END, 8),
  /** A MOVQ's displacement to a thread-local variable's descriptor. */
  X86_64_RELOC_TLV(CPU_TYPE_X86_64, 9, true, 2, false, Addend.FIELD_FROM_END, 4),

  // ARM64 instruction fields hold no addend (ld64 and lld ignore their bits); a preceding
  // ARM64_RELOC_ADDEND does, and only for symbol-based entries of the three types ld64 accepts
  // it for. ARM64_RELOC_POINTER_TO_GOT also has an 8-byte absolute form, which lld rejects; the
  // 4-byte PC-relative one is what LLVM emits for @GOT in .eh_frame.
  /** The target's absolute address, 4 or 8 bytes. */
  ARM64_RELOC_UNSIGNED(CPU_TYPE_ARM64, 0, false,
      MachORelocationType.VARIABLE_LENGTH, true, Addend.FIELD),
  /** Subtracts its symbol from the next entry's: a difference of two addresses. */
  ARM64_RELOC_SUBTRACTOR(CPU_TYPE_ARM64, 1, false,
      MachORelocationType.VARIABLE_LENGTH, true, Addend.SUBTRAHEND),
  /** B or BL: the 26-bit word offset to the target. */
  ARM64_RELOC_BRANCH26(CPU_TYPE_ARM64, 2, true, 2, false, Addend.ADDEND_ENTRY),
  /** ADRP: the offset of the target's 4 KiB page. */
  ARM64_RELOC_PAGE21(CPU_TYPE_ARM64, 3, true, 2, false, Addend.ADDEND_ENTRY),
  /** ADD, load or store: the target's 12-bit offset within its page. */
  ARM64_RELOC_PAGEOFF12(CPU_TYPE_ARM64, 4, false, 2, false, Addend.ADDEND_ENTRY),
  /** ADRP: the offset of the page of the target's GOT entry. */
  ARM64_RELOC_GOT_LOAD_PAGE21(CPU_TYPE_ARM64, 5, true, 2, false, Addend.NONE),
  /** LDR: the offset of the target's GOT entry within its page. */
  ARM64_RELOC_GOT_LOAD_PAGEOFF12(CPU_TYPE_ARM64, 6, false, 2, false, Addend.NONE),
  /** A 32-bit displacement to the target's GOT entry. */
  ARM64_RELOC_POINTER_TO_GOT(CPU_TYPE_ARM64, 7, true, 2, false, Addend.NONE),
  /** ADRP: the page of a thread-local variable's descriptor. */
  ARM64_RELOC_TLVP_LOAD_PAGE21(CPU_TYPE_ARM64, 8, true, 2, false, Addend.NONE),
  /** LDR: the offset of a thread-local variable's descriptor in its page. */
  ARM64_RELOC_TLVP_LOAD_PAGEOFF12(CPU_TYPE_ARM64, 9, false, 2, false, Addend.NONE),
  /** The addend of the entry that follows, in this entry's symbol field. */
  ARM64_RELOC_ADDEND(CPU_TYPE_ARM64, 10, false, 2, true, Addend.FOR_NEXT);

  /**
   * {@code r_length} of a type whose field is 4 or 8 bytes wide, as the entry says (named in full
   * above: an enum constant may not use a static field's simple name).
   */
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

  private static final Map<Integer, Map<Integer, MachORelocationType>> BY_CPU_TYPE =
      RelocationType.byMachine(values());

  private final int cputype;
  private final int number;
  private final boolean pcRel;
  private final int length;
  private final boolean sectionBased;
  private final Addend addend;
  private final int pcBias;

  /**
   * A type's shape.
   *
   * @param cputype the machine
   * @param number the type's number
   * @param pcRel the required {@code r_pcrel}
   * @param length the required {@code r_length} (log2 of the field's width in bytes), or
   *     {@link #VARIABLE_LENGTH} for 2 or 3
   * @param sectionBased whether the type may refer to a section ({@code r_extern} 0) rather than a
   *     symbol
   * @param addend where the addend comes from
   * @param pcBias the {@link Relocation#pcBias()}: 4 past the x86-64 field, plus the bytes of
   *     immediate that {@code SIGNED_1/2/4} say follow it
   */
  MachORelocationType(int cputype, int number, boolean pcRel, int length, boolean sectionBased,
      Addend addend, int pcBias) {
    this.cputype = cputype;
    this.number = number;
    this.pcRel = pcRel;
    this.length = length;
    this.sectionBased = sectionBased;
    this.addend = addend;
    this.pcBias = pcBias;
  }

  MachORelocationType(int cputype, int number, boolean pcRel, int length, boolean sectionBased,
      Addend addend) {
    this(cputype, number, pcRel, length, sectionBased, addend, 0);
  }

  // the accessors repeat in each format's table: an enum cannot inherit fields
  @Override
  public int machine() {
    return cputype;
  }

  @Override
  public int number() {
    return number;
  }

  boolean pcRel() {
    return pcRel;
  }

  int length() {
    return length;
  }

  boolean sectionBased() {
    return sectionBased;
  }

  Addend addend() {
    return addend;
  }

  int pcBias() {
    return pcBias;
  }

  /** Relocation type {@code type} on {@code cputype}, or null if the reader does not know it. */
  static MachORelocationType of(int cputype, int type) {
    return BY_CPU_TYPE.get(cputype).get(type);
  }
}
