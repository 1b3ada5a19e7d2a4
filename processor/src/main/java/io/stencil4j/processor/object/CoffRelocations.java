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
      String typeName = CoffRelocationTypes.name(coff.machine(), type);
      relocations.add(new Relocation(offset, type, typeName, symbol,
          addend(typeName, new Place(contents, offset, where)), pcBias(typeName)));
    }
    return relocations;
  }

  /**
   * The {@link Relocation#pcBias()} of {@code type}: {@code REL32} counts from the end of
   * its field, {@code REL32_N} from N bytes further; the rest are absolute or AArch64.
   */
  private static int pcBias(String type) {
    return switch (type) {
      case "IMAGE_REL_AMD64_REL32", "IMAGE_REL_I386_REL32", "IMAGE_REL_ARM64_REL32" -> 4;
      case "IMAGE_REL_AMD64_REL32_1" -> 5;
      case "IMAGE_REL_AMD64_REL32_2" -> 6;
      case "IMAGE_REL_AMD64_REL32_3" -> 7;
      case "IMAGE_REL_AMD64_REL32_4" -> 8;
      case "IMAGE_REL_AMD64_REL32_5" -> 9;
      default -> 0;
    };
  }

  /** The ELF-style addend of a relocation of type {@code type}; see the class comment. */
  private static long addend(String type, Place place) throws MalformedObjectException {
    return switch (type) {
      case "IMAGE_REL_AMD64_ADDR64", "IMAGE_REL_ARM64_ADDR64" -> place.signed64();
      case "IMAGE_REL_AMD64_ADDR32", "IMAGE_REL_AMD64_ADDR32NB", "IMAGE_REL_AMD64_SECREL",
          "IMAGE_REL_I386_DIR32", "IMAGE_REL_I386_DIR32NB", "IMAGE_REL_I386_SECREL",
          "IMAGE_REL_ARM64_ADDR32", "IMAGE_REL_ARM64_ADDR32NB", "IMAGE_REL_ARM64_SECREL" ->
          place.signed32();
      case "IMAGE_REL_AMD64_REL32", "IMAGE_REL_I386_REL32", "IMAGE_REL_ARM64_REL32" ->
          place.signed32() - 4;
      case "IMAGE_REL_AMD64_REL32_1" -> place.signed32() - 5;
      case "IMAGE_REL_AMD64_REL32_2" -> place.signed32() - 6;
      case "IMAGE_REL_AMD64_REL32_3" -> place.signed32() - 7;
      case "IMAGE_REL_AMD64_REL32_4" -> place.signed32() - 8;
      case "IMAGE_REL_AMD64_REL32_5" -> place.signed32() - 9;
      case "IMAGE_REL_ARM64_BRANCH26" -> signedBits(place.signed32(), 0, 26) << 2;
      case "IMAGE_REL_ARM64_BRANCH19" -> signedBits(place.signed32(), 5, 19) << 2;
      case "IMAGE_REL_ARM64_BRANCH14" -> signedBits(place.signed32(), 5, 14) << 2;
      case "IMAGE_REL_ARM64_PAGEBASE_REL21", "IMAGE_REL_ARM64_REL21" -> {
        long insn = place.signed32();
        // immhi (bits 5-23, signed) above immlo (bits 29-30)
        yield signedBits(insn, 5, 19) << 2 | unsignedBits(insn, 29, 2);
      }
      case "IMAGE_REL_ARM64_PAGEOFFSET_12A" -> unsignedBits(place.signed32(), 10, 12);
      case "IMAGE_REL_ARM64_PAGEOFFSET_12L" -> {
        long insn = place.signed32();
        yield unsignedBits(insn, 10, 12) << accessSizeShift(insn);
      }
      default -> 0;
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
