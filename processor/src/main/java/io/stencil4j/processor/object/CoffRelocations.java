package io.stencil4j.processor.object;

import io.stencil4j.processor.object.CoffReader.Header;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the relocations of a COFF section.
 *
 * <p>COFF relocations have no explicit addend: it is stored in the relocated bytes. {@link
 * Relocation#addend()} is the addend an ELF RELA entry would carry for the same reference, so
 * that the value to patch is computed as on ELF ({@code S + A}, or {@code S + A - P} where P is
 * the address of the relocated place):
 *
 * <ul>
 *   <li>{@code ADDR64}: the signed 64-bit field; {@code ADDR32}, {@code ADDR32NB}, {@code
 *       DIR32}, {@code DIR32NB} and {@code SECREL}: the sign-extended 32-bit field.
 *   <li>{@code REL32} (all three machines): the signed 32-bit field minus 4, because the CPU
 *       counts from the end of the field ({@code P + 4}); AMD64 {@code REL32_N}: minus {@code 4 +
 *       N}, for the N bytes of immediate that follow the field.
 *   <li>ARM64 {@code BRANCH26}, {@code BRANCH19} and {@code BRANCH14}: the instruction's signed
 *       word offset, in bytes; {@code PAGEBASE_REL21} and {@code REL21}: the signed 21-bit ADR/ADRP
 *       immediate taken as bytes (how lld reads it: it is added to S before the page is taken);
 *       {@code PAGEOFFSET_12A}: the 12-bit immediate; {@code PAGEOFFSET_12L}: the 12-bit immediate
 *       scaled by the access size. For the last two only the low 12 bits of the addend survive in
 *       the object, which is all that the low 12 bits of {@code S + A} depend on.
 *   <li>Every other type: 0 (their bytes are left to whoever handles the type).
 * </ul>
 *
 * <p>A relocation's offset always lies inside its section, and so does every field decoded for
 * an addend.
 */
final class CoffRelocations {
  /** The place a relocation patches, for reading the addend stored there. */
  private record Place(byte[] contents, long offset, String relocation) {
    long signed32() throws MalformedObjectException {
      return buffer(4).getInt((int) offset);
    }

    long signed64() throws MalformedObjectException {
      return buffer(8).getLong((int) offset);
    }

    private ByteBuffer buffer(int size) throws MalformedObjectException {
      if (offset > contents.length - size) {
        throw new MalformedObjectException(relocation + ": the " + size
            + "-byte field at offset 0x" + Long.toHexString(offset)
            + " extends past the end of the section (" + contents.length + " bytes)");
      }
      return ByteBuffer.wrap(contents).order(ByteOrder.LITTLE_ENDIAN);
    }
  }

  private CoffRelocations() {}

  /** The relocations of section {@code h}, whose bytes are {@code contents}. */
  static List<Relocation> read(CoffReader coff, Header h, byte[] contents, Symbol[] symbols)
      throws MalformedObjectException {
    List<Relocation> relocations = new ArrayList<>();
    for (int i = 0; i < h.relocationCount(); i++) {
      long at = h.relocationsOffset() + (long) i * CoffReader.RELOCATION_SIZE;
      long offset = coff.file().u32(at, "VirtualAddress");
      long symbolIndex = coff.file().u32(at + 4, "SymbolTableIndex");
      int type = coff.file().u16(at + 8, "Type");
      String where = "relocation " + i + " in " + h;
      if (offset >= h.size()) {
        throw new MalformedObjectException(where + ": offset 0x" + Long.toHexString(offset)
            + " is outside the section (" + h.size() + " bytes)");
      }
      if (symbolIndex >= symbols.length) {
        throw new MalformedObjectException(where + ": symbol index " + symbolIndex
            + " out of range (" + symbols.length + " symbol table records)");
      }
      Symbol symbol = symbols[(int) symbolIndex];
      if (symbol == null) {
        throw new MalformedObjectException(where + ": symbol index " + symbolIndex
            + " is an auxiliary record");
      }
      CoffRelocationType known = CoffRelocationType.of(coff.machine(), type);
      // a type LLVM does not name has no addend this reader knows of (the builder rejects it)
      long addend = known == null ? 0 : addend(known, new Place(contents, offset, where));
      relocations.add(new Relocation(offset, type, RelocationType.name(known, type), symbol,
          addend, known == null ? 0 : known.pcBias()));
    }
    return relocations;
  }

  /** The ELF-style addend of a relocation of type {@code type}; see the class comment. */
  private static long addend(CoffRelocationType type, Place place)
      throws MalformedObjectException {
    return switch (type.addend()) {
      case FIELD_64 -> place.signed64();
      // REL32 and REL32_N count from the end of the field and the N bytes that follow it
      case FIELD_32 -> place.signed32() - type.pcBias();
      case BRANCH26 -> signedBits(place.signed32(), 0, 26) << 2;
      case BRANCH19 -> signedBits(place.signed32(), 5, 19) << 2;
      case BRANCH14 -> signedBits(place.signed32(), 5, 14) << 2;
      case ADR21 -> {
        long insn = place.signed32();
        // immhi (bits 5-23, signed) above immlo (bits 29-30)
        yield signedBits(insn, 5, 19) << 2 | unsignedBits(insn, 29, 2);
      }
      case PAGE_OFFSET -> unsignedBits(place.signed32(), 10, 12);
      case SCALED_PAGE_OFFSET -> {
        long insn = place.signed32();
        yield unsignedBits(insn, 10, 12) << accessSizeShift(insn);
      }
      case NONE -> 0;
    };
  }

  /** The {@code count} bits of {@code value} from bit {@code low} up, sign-extended. */
  private static long signedBits(long value, int low, int count) {
    return value << (64 - low - count) >> (64 - count);
  }

  private static long unsignedBits(long value, int low, int count) {
    return value >>> low & ((1L << count) - 1);
  }

  /** log2 of the bytes a load or store instruction accesses, which scales its offset. */
  private static int accessSizeShift(long insn) {
    int shift = (int) unsignedBits(insn, 30, 2);
    // opc bit 23 with V bit 26 selects a 128-bit SIMD&FP register (size field 0).
    return (insn & 0x04800000) == 0x04800000 ? shift + 4 : shift;
  }
}
