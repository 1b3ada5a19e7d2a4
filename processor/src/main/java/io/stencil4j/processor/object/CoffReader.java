package io.stencil4j.processor.object;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Reads COFF relocatable objects ({@code .obj}, as clang writes them for {@code *-windows-msvc})
 * for AMD64, I386 and ARM64. Bigobj files are rejected. The file header, section headers and long
 * names are read here, the symbols in {@link CoffSymbols}, the relocations in {@link
 * CoffRelocations}.
 *
 * <p>The model: sections are numbered from 1 as in COFF; {@link Section#flags()} is the
 * Characteristics field, from which alone the kind and the alignment are taken ({@link
 * Section#type()} is 0). Symbols keep their symbol-table index, in which auxiliary records count
 * (relocations refer to symbols by that index); the auxiliary records themselves are left out.
 * Debug symbols ({@code .file}, section number -2) are {@link Symbol#ABSOLUTE}: their value is
 * no address in any section. A weak external is an undefined {@link Symbol.Binding#WEAK} symbol,
 * as the file says; its default definition (named in an auxiliary record) is not followed.
 * Relocation addends are stored in the relocated bytes; {@link CoffRelocations} says how they
 * become the addends an ELF RELA entry would carry.
 *
 * <p>Bad input ends in a {@link MalformedObjectException}, as the package says.
 */
public final class CoffReader {
  // The format's constants by the names of its specification (data, so they look alike).
  static final int IMAGE_FILE_MACHINE_I386 = 0x14c;
  static final int IMAGE_FILE_MACHINE_AMD64 = 0x8664;
  static final int IMAGE_FILE_MACHINE_ARM64 = 0xaa64;

  private static final int FILE_HEADER_SIZE = 20;
  private static final int SECTION_HEADER_SIZE = 40;
  static final int SYMBOL_SIZE = 18;
  static final int RELOCATION_SIZE = 10;
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

  /** One section header, with the unsigned fields widened and the relocation count resolved. */
  record Header(int number, String name, long size, long contentsOffset,
      long relocationsOffset, long relocationCount, long characteristics) {

    boolean hasContents() {
      return (characteristics & IMAGE_SCN_CNT_UNINITIALIZED_DATA) == 0;
    }

    @Override
    public String toString() {
      return "section " + number + " (" + name + ")";
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
   * @param bytes the file's contents
   * @return the sections, relocations and symbols
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
    Symbol[] symbols = CoffSymbols.read(this, headers);
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

  private Section section(Header h, Symbol[] symbols) throws MalformedObjectException {
    // An empty section's PointerToRawData is never checked, and need not point into the file.
    if (h.hasContents()) {
      budget.charge(h.size(), h + " contents");
    }
    budget.chargeEntries(h.relocationCount(), h + " relocations");
    byte[] contents = h.hasContents() && h.size() > 0
        ? file.copy(h.contentsOffset(), h.size(), h + " contents")
        : new byte[0];
    List<Relocation> relocations = CoffRelocations.read(this, h, contents, symbols);
    return new Section(h.number(), h.name(), kind(h.characteristics()), 0, h.characteristics(),
        alignment(h.characteristics()), h.size(), contents, relocations);
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

  // What this format's symbol and relocation readers take from the file read so far; the
  // three readers repeat the shape because each format reads different parts.
  ByteReader file() {
    return file;
  }

  MemoryBudget budget() {
    return budget;
  }

  int machine() {
    return machine;
  }

  StringTable strings() {
    return strings;
  }

  long symbolTableOffset() {
    return symbolTableOffset;
  }

  int symbolCount() {
    return symbolCount;
  }
}
