package io.stencil4j.processor.object;

import io.stencil4j.processor.object.MachOReader.Header;
import io.stencil4j.processor.object.MachORelocationType.Addend;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the relocations of a Mach-O section.
 *
 * <p>Mach-O relocations have no addend field. They are read as into the one an
 * ELF RELA relocation would carry, so that {@code S + A} (absolute types) or {@code S + A - P}
 * (PC-relative types, {@code P} the address of the patched field) is what the object means, with
 * {@code S} the symbol's address, or the section's start for a section-based relocation:
 *
 * <ul>
 *   <li>x86-64 PC-relative types ({@code SIGNED*}, {@code BRANCH}, {@code GOT*}, {@code TLV})
 *       store a displacement from the end of the 4-byte field, so A is the field minus 4. The
 *       {@code SIGNED_1/2/4} types already have the bytes of a following immediate subtracted in
 *       the field, so they need nothing more. A section-based field holds the final displacement
 *       between the object's own addresses, which is converted to the section-relative addend.
 *   <li>{@code *_UNSIGNED} fields hold the addend, or an address in the object's address space if
 *       section-based, which is made relative to the section's start.
 *   <li>A {@code *_SUBTRACTOR} entry (addend 0) names the subtrahend of the {@code *_UNSIGNED}
 *       entry that follows it at the same offset: the field is {@code S(unsigned) + A -
 *       S(subtractor)}, with A on the {@code *_UNSIGNED} entry. Both entries are returned.
 *   <li>arm64 instructions hold no addend: it comes from a preceding {@code ARM64_RELOC_ADDEND}
 *       entry, which is folded into the next relocation and not returned itself.
 * </ul>
 */
final class MachORelocations {
  private static final int R_SCATTERED = 0x80000000;

  private MachORelocations() {}

  /** The relocations of section {@code h}, the ADDEND entries folded into those they precede. */
  static List<Relocation> read(MachOReader macho, Header h, Symbol[] symbols,
      List<Symbol> sectionSymbols) throws MalformedObjectException {
    macho.budget().chargeEntries(h.relocationCount(), "relocations of section " + h.name());
    List<Relocation> relocations = new ArrayList<>();
    // An ARM64_RELOC_ADDEND or *_SUBTRACTOR entry, waiting for the entry it belongs to.
    Entry pending = null;
    for (long i = 0; i < h.relocationCount(); i++) {
      Entry e = entry(macho, h, i);
      if (pending != null) {
        checkPartner(pending, e);
      }
      if (e.type().addend() == Addend.FOR_NEXT) {
        pending = e;
        continue;
      }
      Symbol target = e.external() ? symbol(symbols, e)
          : sectionSymbols.get(checkSectionNumber(macho, e) - 1);
      long section = e.external() ? 0 : macho.headers().get(e.symbolNumber() - 1).address();
      // A section-based field holds object addresses: the target's, minus that of a
      // section-based subtrahend, or minus the end of the field (P + 4) if PC-relative.
      long addend = switch (e.type().addend()) {
        case FIELD -> field(macho, h, e) - section + (pending != null && !pending.external()
            ? macho.headers().get(pending.symbolNumber() - 1).address() : 0);
        case FIELD_FROM_END -> e.external() ? field(macho, h, e) - 4
            : field(macho, h, e) + h.address() + e.address() - section;
        case ADDEND_ENTRY -> pending != null ? (pending.symbolNumber() << 8) >> 8 : 0; // int24
        case SUBTRAHEND, NONE, FOR_NEXT -> 0;
      };
      int width = e.type().length() == MachORelocationType.VARIABLE_LENGTH ? 1 << e.length() : 0;
      relocations.add(new Relocation(e.address(), e.typeNumber(), e.type().name(), target,
          addend, width, e.type().pcBias()));
      pending = e.type().addend() == Addend.SUBTRAHEND ? e : null;
    }
    if (pending != null) {
      throw new MalformedObjectException(
          pending + " is the last relocation: the relocation it belongs to is missing");
    }
    return relocations;
  }

  /** One relocation_info entry, checked against its type's shape and its section's size. */
  private record Entry(String what, int address, int symbolNumber, int length, boolean external,
      int typeNumber, MachORelocationType type) {
    @Override
    public String toString() {
      return what;
    }
  }

  private static Entry entry(MachOReader macho, Header h, long index)
      throws MalformedObjectException {
    long at = h.relocationOffset() + index * MachOReader.RELOCATION_SIZE;
    String what = "relocation " + index + " of " + h;
    int address = macho.file().s32(at, "r_address");
    if ((address & R_SCATTERED) != 0) {
      throw new MalformedObjectException(what + ": scattered relocations are not supported");
    }
    long info = macho.file().u32(at + 4, "r_info");
    int typeNumber = (int) (info >>> 28);
    MachORelocationType type = MachORelocationType.of(macho.cputype(), typeNumber);
    if (type == null && macho.cputype() == MachOReader.CPU_TYPE_ARM64 && info >>> 24 == 0xff) {
      // LLVM (19 at least) writes a negative ARM64_RELOC_ADDEND value unmasked, over the type.
      throw new MalformedObjectException(what + ": a negative ARM64_RELOC_ADDEND ("
          + ((int) info) + ") written over the relocation's type and flags, as LLVM does; "
          + "avoid negative offsets from symbols on arm64");
    }
    if (type == null) {
      throw new MalformedObjectException(what + ": unsupported relocation type " + typeNumber);
    }
    Entry e = new Entry(what + " (" + type.name() + ")", address, (int) (info & 0xffffff),
        (int) (info >>> 25) & 3, (info & (1 << 27)) != 0, typeNumber, type);
    boolean pcRel = (info & (1 << 24)) != 0;
    if (pcRel != type.pcRel()) {
      throw new MalformedObjectException(
          e + ": r_pcrel is " + (pcRel ? 1 : 0) + ", expected " + (type.pcRel() ? 1 : 0));
    }
    boolean lengthOk = type.length() == MachORelocationType.VARIABLE_LENGTH
        ? e.length() == 2 || e.length() == 3 : e.length() == type.length();
    if (!lengthOk) {
      throw new MalformedObjectException(e + ": r_length " + e.length() + " is not supported");
    }
    if (address > h.size() - (1 << e.length())) {
      throw new MalformedObjectException(e + ": the " + (1 << e.length()) + "-byte field at 0x"
          + Integer.toHexString(address) + " is outside " + h + " (" + h.size() + " bytes)");
    }
    return e;
  }

  /** Checks that {@code e} is the entry that {@code pending} belongs to. */
  private static void checkPartner(Entry pending, Entry e) throws MalformedObjectException {
    if (pending.type().addend() == Addend.FOR_NEXT) {
      if (e.type().addend() != Addend.ADDEND_ENTRY || e.address() != pending.address()) {
        throw new MalformedObjectException(pending + " is not followed by a BRANCH26, PAGE21 or "
            + "PAGEOFF12 relocation at the same offset, but by " + e);
      }
    } else if (e.type().addend() != Addend.FIELD || e.address() != pending.address()
        || e.length() != pending.length()) {
      throw new MalformedObjectException(pending + " is not followed by an UNSIGNED relocation "
          + "of the same field, but by " + e);
    }
  }

  private static Symbol symbol(Symbol[] symbols, Entry e) throws MalformedObjectException {
    if (e.symbolNumber() >= symbols.length) {
      throw new MalformedObjectException(e + ": symbol index " + e.symbolNumber()
          + " out of range (" + symbols.length + " symbols)");
    }
    if (symbols[e.symbolNumber()] == null) {
      throw new MalformedObjectException(
          e + ": symbol " + e.symbolNumber() + " is a debugging symbol");
    }
    return symbols[e.symbolNumber()];
  }

  private static int checkSectionNumber(MachOReader macho, Entry e)
      throws MalformedObjectException {
    if (!e.type().sectionBased()) {
      throw new MalformedObjectException(e + ": must refer to a symbol, not a section");
    }
    if (e.symbolNumber() < 1 || e.symbolNumber() > macho.headers().size()) {
      throw new MalformedObjectException(e + ": section number " + e.symbolNumber()
          + " out of range (" + macho.headers().size() + " sections)");
    }
    return e.symbolNumber();
  }

  /** The signed value of the 4- or 8-byte field that {@code e} patches in section {@code h}. */
  private static long field(MachOReader macho, Header h, Entry e) throws MalformedObjectException {
    long at = h.offset() + e.address();
    return e.length() == 3 ? macho.file().u64(at, e.what()) : macho.file().s32(at, e.what());
  }
}
