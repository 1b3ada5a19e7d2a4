package io.stencil4j.processor.object;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Reads COFF relocatable objects ({@code .obj}, as clang writes them for {@code *-windows-msvc})
 * for AMD64, I386 and ARM64. Bigobj files are rejected.
 *
 * <p>The model: sections are numbered from 1 as in COFF; {@link Section#flags()} is the
 * Characteristics field, from which alone the kind and the alignment are taken ({@link
 * Section#type()} is 0). Symbols keep their symbol-table index, in which auxiliary records count
 * (relocations refer to symbols by that index); the auxiliary records themselves are left out.
 * Debug symbols ({@code .file}, section number -2) are {@link Symbol#ABSOLUTE}: their value is
 * no address in any section. A weak external is an undefined {@link Symbol.Binding#WEAK} symbol,
 * as the file says; its default definition (named in an auxiliary record) is not followed.
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
 *
 * <p>Every offset, size and index taken from the file is checked before it is used, so bad input
 * ends in a {@link MalformedObjectException} that says what is wrong, never in a runtime
 * exception from an array or buffer access.
 */
public final class CoffReader {
  static final int IMAGE_FILE_MACHINE_I386 = 0x14c;
  static final int IMAGE_FILE_MACHINE_AMD64 = 0x8664;
  static final int IMAGE_FILE_MACHINE_ARM64 = 0xaa64;

  private static final int FILE_HEADER_SIZE = 20;
  private static final int SECTION_HEADER_SIZE = 40;
  private static final int SYMBOL_SIZE = 18;
  private static final int RELOCATION_SIZE = 10;
  private static final int STRING_TABLE_SIZE_FIELD = 4;

  private static final long IMAGE_SCN_TYPE_NO_PAD = 0x8;
  private static final long IMAGE_SCN_CNT_CODE = 0x20;
  private static final long IMAGE_SCN_CNT_UNINITIALIZED_DATA = 0x80;
  private static final long IMAGE_SCN_LNK_INFO = 0x200;
  private static final long IMAGE_SCN_LNK_REMOVE = 0x800;
  private static final long IMAGE_SCN_LNK_NRELOC_OVFL = 0x01000000;
  private static final long IMAGE_SCN_MEM_DISCARDABLE = 0x02000000;
  private static final long IMAGE_SCN_MEM_EXECUTE = 0x20000000;
  private static final long IMAGE_SCN_MEM_READ = 0x40000000;

  private static final int MAX_SECTION_NUMBER = 0xfeff;
  private static final int IMAGE_SYM_ABSOLUTE = -1;
  private static final int IMAGE_SYM_DEBUG = -2;

  private static final int IMAGE_SYM_CLASS_EXTERNAL = 2;
  private static final int IMAGE_SYM_CLASS_STATIC = 3;
  private static final int IMAGE_SYM_CLASS_LABEL = 6;
  private static final int IMAGE_SYM_CLASS_FILE = 103;
  private static final int IMAGE_SYM_CLASS_SECTION = 104;
  private static final int IMAGE_SYM_CLASS_WEAK_EXTERNAL = 105;
  private static final int IMAGE_SYM_DTYPE_FUNCTION = 2;

  /** One section header, with the unsigned fields widened and the relocation count resolved. */
  private record Header(int number, String name, long size, long contentsOffset,
      long relocationsOffset, long relocationCount, long characteristics) {

    boolean hasContents() {
      return (characteristics & IMAGE_SCN_CNT_UNINITIALIZED_DATA) == 0;
    }

    @Override
    public String toString() {
      return "section " + number + " (" + name + ")";
    }
  }

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

  private final ByteReader file;
  private int machine;
  private final MemoryBudget budget;
  private long symbolTableOffset;
  private int symbolCount;
  /** The string table, whose offsets count its size field; empty if there is none. */
  private StringTable strings;

  private CoffReader(byte[] bytes) {
    this.file = new ByteReader(bytes, ByteOrder.LITTLE_ENDIAN);
    this.budget = new MemoryBudget(bytes.length);
    this.strings = stringTable(0, 0);
  }

  /**
   * Reads the object file in {@code bytes}.
   *
   * @throws MalformedObjectException if {@code bytes} is not a COFF object for AMD64, I386 or
   *     ARM64, or is damaged
   */
  public static ObjectFile read(byte[] bytes) throws MalformedObjectException {
    return new CoffReader(bytes).read();
  }

  private ObjectFile read() throws MalformedObjectException {
    if (file.length() < FILE_HEADER_SIZE) {
      throw new MalformedObjectException("truncated COFF file header: " + file.length()
          + " bytes, need " + FILE_HEADER_SIZE);
    }
    machine = file.u16(0, "Machine");
    int sectionCount = file.u16(2, "NumberOfSections");
    // Both begin with IMAGE_FILE_MACHINE_UNKNOWN and 0xFFFF where other files have the header.
    if (machine == 0 && sectionCount == 0xffff) {
      throw new MalformedObjectException(
          "bigobj and import-library COFF files are not supported");
    }
    if (machine != IMAGE_FILE_MACHINE_AMD64 && machine != IMAGE_FILE_MACHINE_I386
        && machine != IMAGE_FILE_MACHINE_ARM64) {
      throw new MalformedObjectException("unsupported machine 0x" + Integer.toHexString(machine)
          + " (COFF objects for AMD64, I386 and ARM64 are supported)");
    }
    locateSymbolAndStringTables(file.u32(8, "PointerToSymbolTable"),
        file.u32(12, "NumberOfSymbols"));
    List<Header> headers = readSectionHeaders(
        FILE_HEADER_SIZE + file.u16(16, "SizeOfOptionalHeader"), sectionCount);
    Symbol[] symbols = readSymbols(headers);
    List<Section> sections = new ArrayList<>();
    for (Header h : headers) {
      sections.add(section(h, symbols));
    }
    return new ObjectFile(ObjectFile.Format.COFF, machine, switch (machine) {
      case IMAGE_FILE_MACHINE_AMD64 -> ObjectFile.Architecture.X86_64;
      case IMAGE_FILE_MACHINE_I386 -> ObjectFile.Architecture.X86_32;
      default -> ObjectFile.Architecture.AARCH64;
    }, sections, Arrays.stream(symbols).filter(Objects::nonNull).toList());
  }

  private void locateSymbolAndStringTables(long offset, long count)
      throws MalformedObjectException {
    if (offset == 0) {
      if (count != 0) {
        throw new MalformedObjectException(
            "PointerToSymbolTable is 0, but NumberOfSymbols is " + count);
      }
      return;
    }
    file.requireInFile(offset, count * SYMBOL_SIZE, "symbol table (" + count + " symbols)");
    symbolTableOffset = offset;
    symbolCount = (int) count; // fits: the table lies inside the file
    long stringTableOffset = offset + count * SYMBOL_SIZE;
    // Some tools write 0 for an empty table, whose size is really 4 (the field itself).
    long stringTableSize = Math.max(STRING_TABLE_SIZE_FIELD,
        file.u32(stringTableOffset, "string table size"));
    file.requireInFile(stringTableOffset, stringTableSize, "string table");
    strings = stringTable(stringTableOffset, stringTableSize);
  }

  private StringTable stringTable(long offset, long size) {
    // Offsets below 4 would point into the table's size field.
    return new StringTable(file, offset, size, STRING_TABLE_SIZE_FIELD, "the string table",
        budget);
  }

  private List<Header> readSectionHeaders(long offset, int count)
      throws MalformedObjectException {
    file.requireInFile(offset, (long) count * SECTION_HEADER_SIZE,
        "section table (" + count + " sections)");
    List<Header> headers = new ArrayList<>();
    for (int number = 1; number <= count; number++) {
      long at = offset + (long) (number - 1) * SECTION_HEADER_SIZE;
      Header h = new Header(number, sectionName(at, number), file.u32(at + 16, "SizeOfRawData"),
          file.u32(at + 20, "PointerToRawData"), file.u32(at + 24, "PointerToRelocations"),
          file.u16(at + 32, "NumberOfRelocations"), file.u32(at + 36, "Characteristics"));
      headers.add(checkSection(withRelocationCount(h)));
    }
    return headers;
  }

  /**
   * {@code h} with its real relocation count: one that does not fit in NumberOfRelocations is
   * stored, plus one, in the first relocation's VirtualAddress, and that entry is skipped.
   */
  private Header withRelocationCount(Header h) throws MalformedObjectException {
    if ((h.characteristics() & IMAGE_SCN_LNK_NRELOC_OVFL) == 0 || h.relocationCount() != 0xffff) {
      return h;
    }
    // the whole first entry is given up to the count, not only its VirtualAddress
    file.requireInFile(h.relocationsOffset(), RELOCATION_SIZE, h + " relocation count");
    long count = file.u32(h.relocationsOffset(), h + " relocation count");
    if (count == 0) {
      throw new MalformedObjectException(h + ": IMAGE_SCN_LNK_NRELOC_OVFL is set, but the"
          + " relocation count in the first relocation is 0");
    }
    return new Header(h.number(), h.name(), h.size(), h.contentsOffset(),
        h.relocationsOffset() + RELOCATION_SIZE, count - 1, h.characteristics());
  }

  private Header checkSection(Header h) throws MalformedObjectException {
    boolean executable =
        (h.characteristics() & (IMAGE_SCN_MEM_EXECUTE | IMAGE_SCN_CNT_CODE)) != 0;
    // An executable section without contents has no machine code to copy.
    if (executable && !h.hasContents()) {
      throw new MalformedObjectException(h + ": executable section of uninitialized data");
    }
    if (h.hasContents() && h.size() > 0) {
      if (h.contentsOffset() == 0) {
        throw new MalformedObjectException(h + ": SizeOfRawData is " + h.size()
            + ", but PointerToRawData is 0");
      }
      file.requireInFile(h.contentsOffset(), h.size(), h + " contents");
    }
    if (h.relocationCount() > 0) {
      // Implicit addends live in the section's bytes; without bytes there are none to read.
      if (!h.hasContents()) {
        throw new MalformedObjectException(h + ": uninitialized data section has "
            + h.relocationCount() + " relocations");
      }
      file.requireInFile(h.relocationsOffset(), h.relocationCount() * RELOCATION_SIZE,
          h + " relocations (" + h.relocationCount() + ")");
    }
    return h;
  }

  /** The section's name; names longer than 8 bytes are in the string table. */
  private String sectionName(long at, int number) throws MalformedObjectException {
    String name = file.fixedString(at, 8, "Name of section " + number);
    if (!name.startsWith("/")) {
      return name;
    }
    String what = "name of section " + number;
    // "/" and a decimal offset, or "//" and a base-64 one for offsets above 9,999,999.
    boolean base64 = name.startsWith("//");
    String digits = name.substring(base64 ? 2 : 1);
    long offset = digits.isEmpty() ? -1 : 0;
    for (int i = 0; i < digits.length() && offset >= 0; i++) {
      int digit = base64 ? base64Digit(digits.charAt(i)) : decimalDigit(digits.charAt(i));
      offset = digit < 0 ? -1 : offset * (base64 ? 64 : 10) + digit;
    }
    if (offset < 0) {
      throw new MalformedObjectException(what + ": invalid long name reference " + name);
    }
    return strings.get(offset, what);
  }

  private static int decimalDigit(char c) {
    return c >= '0' && c <= '9' ? c - '0' : -1;
  }

  private static int base64Digit(char c) {
    if (c >= 'A' && c <= 'Z') {
      return c - 'A';
    }
    if (c >= 'a' && c <= 'z') {
      return c - 'a' + 26;
    }
    if (c >= '0' && c <= '9') {
      return c - '0' + 52;
    }
    return c == '+' ? 62 : c == '/' ? 63 : -1;
  }

  /** Every symbol by its symbol-table index; auxiliary records are null. */
  private Symbol[] readSymbols(List<Header> headers) throws MalformedObjectException {
    budget.chargeEntries(symbolCount, "symbol table");
    Symbol[] symbols = new Symbol[symbolCount];
    for (int i = 0; i < symbolCount; i++) {
      long at = symbolTableOffset + (long) i * SYMBOL_SIZE;
      String name = symbolName(at, i);
      long value = file.u32(at + 8, "Value");
      int section = symbolSection(file.u16(at + 12, "SectionNumber"), headers.size(), i, name);
      int storageClass = file.u8(at + 16, "StorageClass");
      int auxCount = file.u8(at + 17, "NumberOfAuxSymbols");
      if (auxCount > symbolCount - 1 - i) {
        throw new MalformedObjectException(Symbol.describe(i, name) + ": its " + auxCount
            + " auxiliary records extend past the end of the symbol table (" + symbolCount
            + " records)");
      }
      // The builder finds a defined symbol's bytes at its value; past the end there are none.
      if (section > 0 && value > headers.get(section - 1).size()) {
        throw new MalformedObjectException(Symbol.describe(i, name) + ": value 0x"
            + Long.toHexString(value) + " is past the end of " + headers.get(section - 1));
      }
      Symbol.Type type;
      if (storageClass == IMAGE_SYM_CLASS_FILE) {
        type = Symbol.Type.FILE;
      } else if (storageClass == IMAGE_SYM_CLASS_STATIC && section > 0 && value == 0
          && auxCount > 0) {
        type = Symbol.Type.SECTION; // a section definition, with its auxiliary record
      } else if ((file.u16(at + 14, "Type") >>> 4 & 0xf) == IMAGE_SYM_DTYPE_FUNCTION) {
        type = Symbol.Type.FUNCTION;
      } else {
        type = Symbol.Type.NONE; // COFF does not tell data from other symbols
      }
      symbols[i] = new Symbol(i, name, section, value, 0, binding(storageClass, i, name), type);
      i += auxCount;
    }
    return symbols;
  }

  private String symbolName(long at, int index) throws MalformedObjectException {
    // A name longer than 8 bytes is four zero bytes and its offset in the string table.
    if (file.u32(at, "Name") == 0) {
      return strings.get(file.u32(at + 4, "Name offset"), "name of symbol " + index);
    }
    return file.fixedString(at, 8, "Name of symbol " + index);
  }

  /** The model's section of a symbol whose SectionNumber field is {@code number}. */
  private static int symbolSection(int number, int sectionCount, int symbol, String name)
      throws MalformedObjectException {
    // The field is unsigned up to the largest section number, and signed above it.
    int section = number <= MAX_SECTION_NUMBER ? number : (short) number;
    if (section == IMAGE_SYM_ABSOLUTE || section == IMAGE_SYM_DEBUG) {
      return Symbol.ABSOLUTE;
    }
    if (section < 0 || section > sectionCount) {
      throw new MalformedObjectException(Symbol.describe(symbol, name) + ": section number "
          + section + " out of range (" + sectionCount + " sections)");
    }
    return section;
  }

  private static Symbol.Binding binding(int storageClass, int symbol, String name)
      throws MalformedObjectException {
    return switch (storageClass) {
      case IMAGE_SYM_CLASS_EXTERNAL -> Symbol.Binding.GLOBAL;
      case IMAGE_SYM_CLASS_WEAK_EXTERNAL -> Symbol.Binding.WEAK;
      case IMAGE_SYM_CLASS_STATIC, IMAGE_SYM_CLASS_LABEL, IMAGE_SYM_CLASS_FILE,
          IMAGE_SYM_CLASS_SECTION -> Symbol.Binding.LOCAL;
      default -> throw new MalformedObjectException(
          Symbol.describe(symbol, name) + ": unsupported storage class " + storageClass);
    };
  }

  private Section section(Header h, Symbol[] symbols) throws MalformedObjectException {
    // An empty section's PointerToRawData is never checked, and need not point into the file.
    if (h.hasContents()) {
      budget.charge(h.size(), h + " contents");
    }
    budget.chargeEntries(h.relocationCount(), h + " relocations");
    byte[] contents = h.hasContents() && h.size() > 0
        ? file.copy(h.contentsOffset(), h.size(), h + " contents")
        : new byte[0];
    List<Relocation> relocations = new ArrayList<>();
    for (int i = 0; i < h.relocationCount(); i++) {
      long at = h.relocationsOffset() + (long) i * RELOCATION_SIZE;
      long offset = file.u32(at, "VirtualAddress");
      long symbolIndex = file.u32(at + 4, "SymbolTableIndex");
      int type = file.u16(at + 8, "Type");
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
      String typeName = CoffRelocationTypes.name(machine, type);
      relocations.add(new Relocation(offset, type, typeName, symbol,
          addend(typeName, new Place(contents, offset, where)), pcBias(typeName)));
    }
    return new Section(h.number(), h.name(), kind(h.characteristics()), 0, h.characteristics(),
        alignment(h.characteristics()), h.size(), contents, relocations);
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

  private static Section.Kind kind(long characteristics) {
    // Never loaded: linker directives, address-significance tables and debug information.
    if ((characteristics & (IMAGE_SCN_LNK_REMOVE | IMAGE_SCN_LNK_INFO
        | IMAGE_SCN_MEM_DISCARDABLE)) != 0) {
      return Section.Kind.OTHER;
    }
    if ((characteristics & (IMAGE_SCN_MEM_EXECUTE | IMAGE_SCN_CNT_CODE)) != 0) {
      return Section.Kind.CODE;
    }
    if ((characteristics & IMAGE_SCN_CNT_UNINITIALIZED_DATA) != 0) {
      return Section.Kind.ZERO_FILL;
    }
    return (characteristics & IMAGE_SCN_MEM_READ) != 0 ? Section.Kind.DATA : Section.Kind.OTHER;
  }

  /** The alignment as LLVM reads it from the IMAGE_SCN_ALIGN_* field (bits 20-23). */
  private static long alignment(long characteristics) {
    if ((characteristics & IMAGE_SCN_TYPE_NO_PAD) != 0) {
      return 1; // the old spelling of IMAGE_SCN_ALIGN_1BYTES
    }
    int field = (int) (characteristics >>> 20 & 0xf);
    return field == 0 ? 16 : 1L << (field - 1); // the format's default is 16
  }
}
