package io.stencil4j.processor.object;

import static io.stencil4j.processor.object.CoffBytes.CHARACTERISTICS;
import static io.stencil4j.processor.object.CoffBytes.MACHINE;
import static io.stencil4j.processor.object.CoffBytes.NAME;
import static io.stencil4j.processor.object.CoffBytes.NUMBER_OF_AUX_SYMBOLS;
import static io.stencil4j.processor.object.CoffBytes.NUMBER_OF_RELOCATIONS;
import static io.stencil4j.processor.object.CoffBytes.NUMBER_OF_SECTIONS;
import static io.stencil4j.processor.object.CoffBytes.NUMBER_OF_SYMBOLS;
import static io.stencil4j.processor.object.CoffBytes.POINTER_TO_RAW_DATA;
import static io.stencil4j.processor.object.CoffBytes.POINTER_TO_RELOCATIONS;
import static io.stencil4j.processor.object.CoffBytes.POINTER_TO_SYMBOL_TABLE;
import static io.stencil4j.processor.object.CoffBytes.RELOCATION_SIZE;
import static io.stencil4j.processor.object.CoffBytes.RELOCATION_TYPE;
import static io.stencil4j.processor.object.CoffBytes.SECTION_HEADER_SIZE;
import static io.stencil4j.processor.object.CoffBytes.SECTION_NUMBER;
import static io.stencil4j.processor.object.CoffBytes.SIZE_OF_OPTIONAL_HEADER;
import static io.stencil4j.processor.object.CoffBytes.SIZE_OF_RAW_DATA;
import static io.stencil4j.processor.object.CoffBytes.STORAGE_CLASS;
import static io.stencil4j.processor.object.CoffBytes.SYMBOL_TABLE_INDEX;
import static io.stencil4j.processor.object.CoffBytes.VALUE;
import static io.stencil4j.processor.object.CoffBytes.VIRTUAL_ADDRESS;
import static io.stencil4j.processor.object.ReaderAssertions.assertKind;
import static io.stencil4j.processor.object.ReaderAssertions.named;
import static io.stencil4j.processor.object.ReaderAssertions.patched;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged and unsupported input: every case must end in a {@link MalformedObjectException} that
 * says what is wrong, and no other exception may escape the reader.
 */
class CoffReaderMalformedTest {
  @TempDir static Path temp;

  /** stencils.c for x86-64: code, data, .bss, COMDAT constants, a jump table, .drectve. */
  private static byte[] x64;
  private static byte[] x86;
  private static byte[] arm64;

  @BeforeAll
  static void compile() throws Exception {
    x64 = compile(CoffReaderDifferentialTest.X86_64, CoffReaderDifferentialTest.X86_64_FLAGS);
    x86 = compile(CoffReaderDifferentialTest.I686, CoffReaderDifferentialTest.I686_FLAGS);
    arm64 = compile(CoffReaderDifferentialTest.AARCH64, CoffReaderDifferentialTest.AARCH64_FLAGS);
  }

  private static byte[] compile(String triple, List<String> flags) throws Exception {
    return Files.readAllBytes(LlvmTools.compile(LlvmTools.resource("stencils.c"), triple, flags,
        temp, triple));
  }

  @Test
  void readsTheIntactObjects() throws Exception {
    assertEquals(CoffReader.IMAGE_FILE_MACHINE_AMD64, CoffReader.read(x64).machine());
    assertEquals(CoffReader.IMAGE_FILE_MACHINE_I386, CoffReader.read(x86).machine());
    assertEquals(CoffReader.IMAGE_FILE_MACHINE_ARM64, CoffReader.read(arm64).machine());
  }

  @Test
  void sectionKindsFollowCharacteristics() throws Exception {
    ObjectFile file = CoffReader.read(x64);
    assertKind(file, ".text", Section.Kind.CODE);
    assertKind(file, ".data", Section.Kind.DATA);
    assertKind(file, ".bss", Section.Kind.ZERO_FILL);
    assertKind(file, ".rdata", Section.Kind.DATA);
    assertKind(file, ".drectve", Section.Kind.OTHER);
    assertKind(file, ".llvm_addrsig", Section.Kind.OTHER);
    Section bss = named(file, ".bss");
    assertEquals(0, bss.bytes().length);
    assertEquals(32 * 8, bss.size());
    assertEquals(1, file.section(1).index());
    // The name plays no part: an executable section called .data is code.
    CoffBytes renamed = new CoffBytes(x64);
    int text = renamed.number(".text");
    System.arraycopy(".data\0\0\0".getBytes(StandardCharsets.US_ASCII), 0, renamed.bytes,
        renamed.header(text, NAME), 8);
    Section code = CoffReader.read(renamed.bytes).section(text);
    assertEquals(".data", code.name());
    assertEquals(Section.Kind.CODE, code.kind());
  }

  @Test
  void alignmentFromCharacteristics() throws Exception {
    CoffBytes coff = new CoffBytes(x64);
    int text = coff.number(".text");
    long flags = coff.u32(coff.header(text, CHARACTERISTICS)) & ~0x00f00008L;
    assertEquals(16, CoffReader.read(coff.bytes).section(text).alignment());
    assertEquals(16, alignment(coff, text, flags), "no IMAGE_SCN_ALIGN_*: the default");
    assertEquals(1, alignment(coff, text, flags | 0x00100000));
    assertEquals(8192, alignment(coff, text, flags | 0x00e00000));
    assertEquals(1, alignment(coff, text, flags | 0x00500008), "IMAGE_SCN_TYPE_NO_PAD");
  }

  private static long alignment(CoffBytes coff, int section, long characteristics)
      throws MalformedObjectException {
    coff.put32(coff.header(section, CHARACTERISTICS), characteristics);
    return CoffReader.read(coff.bytes).section(section).alignment();
  }

  @Test
  void symbolsKeepTheirTableIndices() throws Exception {
    ObjectFile file = CoffReader.read(x64);
    CoffBytes coff = new CoffBytes(x64);
    for (Symbol symbol : file.symbols()) {
      assertEquals(coff.symbolName(symbol.index()), symbol.name());
    }
    // Each section symbol is followed by one auxiliary record, which takes up an index.
    Symbol text = file.symbols().get(0);
    assertEquals(Symbol.Type.SECTION, text.type());
    assertEquals(2, file.symbols().get(1).index());
    for (Symbol symbol : file.symbols()) {
      if (symbol.type() == Symbol.Type.SECTION) {
        assertEquals(file.section(symbol.section()).name(), symbol.name());
        assertEquals(Symbol.Binding.LOCAL, symbol.binding());
      }
    }
    Symbol source = file.symbol(".file").orElseThrow();
    assertEquals(Symbol.Type.FILE, source.type());
    assertEquals(Symbol.ABSOLUTE, source.section());
    Symbol function = file.symbol("stencil_add").orElseThrow();
    assertEquals(Symbol.Type.FUNCTION, function.type());
    assertEquals(Symbol.Binding.GLOBAL, function.binding());
    Symbol undefined = file.symbol("_JIT_CONTINUE").orElseThrow();
    assertEquals(Symbol.UNDEFINED, undefined.section());
    assertEquals(Symbol.Type.NONE, undefined.type());
  }

  @Test
  void truncatedAtEveryLength() {
    assertMalformed(new byte[0], "truncated COFF file header: 0 bytes, need 20");
    assertMalformed(Arrays.copyOf(x64, 19), "truncated COFF file header: 19 bytes, need 20");
    // clang writes the symbol and string tables last, so every shorter file lacks part of them.
    for (int length = 20; length < x64.length; length++) {
      assertMalformed(Arrays.copyOf(x64, length),
          "extends past the end of the file (" + length + " bytes)");
    }
  }

  @Test
  void unsupportedKinds() {
    assertMalformed(new CoffBytes(x64).put16(MACHINE, 0x1c4).bytes,
        "unsupported machine 0x1c4 (COFF objects for AMD64, I386 and ARM64 are supported)");
    assertMalformed(new CoffBytes(x64).put16(MACHINE, 0xa641).bytes, "unsupported machine 0xa641");
    assertMalformed(new CoffBytes(x64).put16(MACHINE, 0).bytes, "unsupported machine 0x0");
    assertMalformed(new CoffBytes(x64).put16(MACHINE, 0).put16(NUMBER_OF_SECTIONS, 0xffff).bytes,
        "bigobj and import-library COFF files are not supported");
    byte[] pe = x64.clone();
    pe[0] = 'M';
    pe[1] = 'Z';
    assertMalformed(pe, "unsupported machine 0x5a4d");
    assertMalformed("\u007fELF, and more than twenty bytes".getBytes(StandardCharsets.ISO_8859_1),
        "unsupported machine 0x457f");
  }

  /** More sections than a regular header can number make LLVM write the bigobj format. */
  @Test
  void bigObjIsRejected() throws Exception {
    StringBuilder asm = new StringBuilder();
    for (int i = 0; i < 65_300; i++) {
      asm.append(".section .data$").append(i).append(",\"dw\"\n.byte 1\n");
    }
    Path source = temp.resolve("bigobj.s");
    Files.writeString(source, asm);
    Path object = LlvmTools.compile(source, CoffReaderDifferentialTest.X86_64, List.of("-c"),
        temp, "bigobj");
    assertMalformed(Files.readAllBytes(object),
        "bigobj and import-library COFF files are not supported");
  }

  @Test
  void sectionTable() {
    assertMalformed(new CoffBytes(x64).put16(NUMBER_OF_SECTIONS, 0xfff0).bytes,
        "section table (65520 sections) (offset 0x14, size 2620800) extends past the end");
    assertMalformed(new CoffBytes(x64).put16(SIZE_OF_OPTIONAL_HEADER, 0xffff).bytes,
        "section table", "(offset 0x10013", "extends past the end of the file");
  }

  @Test
  void sectionContentsOutsideTheFile() {
    CoffBytes coff = new CoffBytes(x64);
    int text = coff.number(".text");
    String where = "section " + text + " (.text) contents";
    assertMalformed(new CoffBytes(x64).put32(coff.header(text, POINTER_TO_RAW_DATA), x64.length)
        .bytes, where, "extends past the end of the file");
    assertMalformed(new CoffBytes(x64).put32(coff.header(text, SIZE_OF_RAW_DATA), 0xffffffffL)
        .bytes, where, "size 4294967295) extends past the end of the file");
    // offset + size overflows 32 bits; a check in unsigned 32-bit arithmetic would pass it.
    assertMalformed(new CoffBytes(x64).put32(coff.header(text, POINTER_TO_RAW_DATA), 0xfffffff0L)
        .put32(coff.header(text, SIZE_OF_RAW_DATA), 0x20).bytes, where);
    assertMalformed(new CoffBytes(x64).put32(coff.header(text, POINTER_TO_RAW_DATA), 0).bytes,
        "section " + text + " (.text): SizeOfRawData is " + coff.size(text)
            + ", but PointerToRawData is 0");
  }

  @Test
  void emptySectionsNeedNoContents() throws Exception {
    CoffBytes coff = new CoffBytes(x64);
    int data = coff.number(".data");
    coff.put32(coff.header(data, SIZE_OF_RAW_DATA), 0)
        .put32(coff.header(data, POINTER_TO_RAW_DATA), 0xffffffffL);
    Section empty = CoffReader.read(coff.bytes).section(data);
    assertEquals(0, empty.size());
    assertEquals(0, empty.bytes().length);
  }

  @Test
  void executableUninitializedData() {
    CoffBytes coff = new CoffBytes(x64);
    int bss = coff.number(".bss");
    assertMalformed(coff.put32(coff.header(bss, CHARACTERISTICS),
        coff.u32(coff.header(bss, CHARACTERISTICS)) | 0x20000000).bytes,
        "section " + bss + " (.bss): executable section of uninitialized data");
  }

  @Test
  void symbolAndStringTables() {
    CoffBytes coff = new CoffBytes(x64);
    int count = coff.symbolCount();
    assertMalformed(new CoffBytes(x64).put32(POINTER_TO_SYMBOL_TABLE, x64.length).bytes,
        "symbol table (" + count + " symbols) (offset 0x" + Integer.toHexString(x64.length));
    assertMalformed(new CoffBytes(x64).put32(NUMBER_OF_SYMBOLS, 0xffffffffL).bytes,
        "symbol table (4294967295 symbols)", "extends past the end of the file");
    assertMalformed(new CoffBytes(x64).put32(POINTER_TO_SYMBOL_TABLE, 0).bytes,
        "PointerToSymbolTable is 0, but NumberOfSymbols is " + count);
    assertMalformed(new CoffBytes(x64).put32(coff.stringTable(), 0xffffffffL).bytes,
        "string table (offset 0x" + Integer.toHexString(coff.stringTable())
            + ", size 4294967295) extends past the end of the file");
    // The last string of the table loses its terminator.
    assertMalformed(patched(x64, x64.length - 1, 'x'),
        "is not NUL-terminated in the string table");
  }

  @Test
  void badLongNames() {
    CoffBytes coff = new CoffBytes(x64);
    int addrsig = coff.number(".llvm_addrsig");
    String where = "name of section " + addrsig;
    // Some tools write 0 for an empty string table; then no long name can be found in it.
    assertMalformed(new CoffBytes(x64).put32(coff.stringTable(), 0).bytes,
        where + ": string table offset", "is outside the string table (4 bytes)");
    assertMalformed(sectionNamed(addrsig, "/9999999"),
        where + ": string table offset 9999999 is outside the string table ("
            + coff.stringTableSize() + " bytes)");
    assertMalformed(sectionNamed(addrsig, "/2"), where + ": string table offset 2 is outside");
    assertMalformed(sectionNamed(addrsig, "/12x"), where + ": invalid long name reference /12x");
    assertMalformed(sectionNamed(addrsig, "/"), where + ": invalid long name reference /");
    assertMalformed(sectionNamed(addrsig, "//"), where + ": invalid long name reference //");
    assertMalformed(sectionNamed(addrsig, "//a-"), where + ": invalid long name reference //a-");
    assertMalformed(sectionNamed(addrsig, "//AAAAAC"),
        where + ": string table offset 2 is outside");

    int symbol = coff.symbolIndex("stencil_add");
    assertMalformed(new CoffBytes(x64).put32(coff.symbol(symbol, NAME), 0)
        .put32(coff.symbol(symbol, NAME) + 4, coff.stringTableSize()).bytes,
        "name of symbol " + symbol + ": string table offset " + coff.stringTableSize()
            + " is outside the string table");
  }

  private static byte[] sectionNamed(int section, String name) {
    CoffBytes coff = new CoffBytes(x64);
    byte[] field = Arrays.copyOf(name.getBytes(StandardCharsets.US_ASCII), 8);
    System.arraycopy(field, 0, coff.bytes, coff.header(section, NAME), 8);
    return coff.bytes;
  }

  @Test
  void badSymbols() {
    CoffBytes coff = new CoffBytes(x64);
    int symbol = coff.symbolIndex("stencil_add");
    String name = "symbol " + symbol + " (stencil_add)";
    int sections = coff.sectionCount();
    assertMalformed(new CoffBytes(x64).put16(coff.symbol(symbol, SECTION_NUMBER), sections + 1)
        .bytes, name + ": section number " + (sections + 1) + " out of range (" + sections
            + " sections)");
    assertMalformed(new CoffBytes(x64).put16(coff.symbol(symbol, SECTION_NUMBER), 0xfffd).bytes,
        name + ": section number -3 out of range");
    int text = coff.number(".text");
    assertMalformed(new CoffBytes(x64).put32(coff.symbol(symbol, VALUE), coff.size(text) + 1)
        .bytes, name + ": value 0x" + Long.toHexString(coff.size(text) + 1)
            + " is past the end of section " + text + " (.text)");
    // IMAGE_SYM_CLASS_FUNCTION: .bf/.ef records, which clang never writes.
    assertMalformed(new CoffBytes(x64).put8(coff.symbol(symbol, STORAGE_CLASS), 101).bytes,
        name + ": unsupported storage class 101");
    int last = coff.symbolIndex(".file");
    assertMalformed(new CoffBytes(x64).put8(coff.symbol(last, NUMBER_OF_AUX_SYMBOLS), 9).bytes,
        "symbol " + last + " (.file): its 9 auxiliary records extend past the end of the symbol"
            + " table (" + coff.symbolCount() + " records)");
  }

  @Test
  void badRelocations() {
    CoffBytes coff = new CoffBytes(x64);
    int text = coff.number(".text");
    String where = "section " + text + " (.text)";
    assertMalformed(new CoffBytes(x64).put32(coff.relocation(text, 0, SYMBOL_TABLE_INDEX), 9999)
        .bytes, "relocation 0 in " + where + ": symbol index 9999 out of range ("
            + coff.symbolCount() + " symbol table records)");
    // Record 1 is the auxiliary record of the .text section symbol.
    assertMalformed(new CoffBytes(x64).put32(coff.relocation(text, 2, SYMBOL_TABLE_INDEX), 1)
        .bytes, "relocation 2 in " + where + ": symbol index 1 is an auxiliary record");
    long size = coff.size(text);
    assertMalformed(new CoffBytes(x64).put32(coff.relocation(text, 1, VIRTUAL_ADDRESS), size)
        .bytes, "relocation 1 in " + where + ": offset 0x" + Long.toHexString(size)
            + " is outside the section (" + size + " bytes)");
    // A REL32 whose 4-byte field starts inside the section but ends past it.
    assertMalformed(new CoffBytes(x64).put32(coff.relocation(text, 1, VIRTUAL_ADDRESS), size - 2)
        .bytes, "relocation 1 in " + where + ": the 4-byte field at offset 0x"
            + Long.toHexString(size - 2) + " extends past the end of the section");
    assertMalformed(new CoffBytes(x64).put32(coff.header(text, POINTER_TO_RELOCATIONS),
        x64.length).bytes, where + " relocations (" + coff.relocationCount(text) + ")",
        "extends past the end of the file");
    assertMalformed(new CoffBytes(x64).put16(coff.header(text, NUMBER_OF_RELOCATIONS), 0xfffe)
        .bytes, where + " relocations (65534)", "extends past the end of the file");
    // Relocations need bytes to hold their addends.
    int bss = coff.number(".bss");
    assertMalformed(new CoffBytes(x64)
        .put32(coff.header(bss, POINTER_TO_RELOCATIONS),
            coff.u32(coff.header(text, POINTER_TO_RELOCATIONS)))
        .put16(coff.header(bss, NUMBER_OF_RELOCATIONS), 3).bytes,
        "section " + bss + " (.bss): uninitialized data section has 3 relocations");
  }

  /** IMAGE_SCN_LNK_NRELOC_OVFL with NumberOfRelocations 0xFFFF: the count is in relocation 0. */
  @Test
  void relocationCountOverflow() throws Exception {
    CoffBytes coff = new CoffBytes(x64);
    int text = coff.number(".text");
    String where = "section " + text + " (.text)";
    long flags = coff.u32(coff.header(text, CHARACTERISTICS)) | 0x01000000;
    coff.put32(coff.header(text, CHARACTERISTICS), flags)
        .put16(coff.header(text, NUMBER_OF_RELOCATIONS), 0xffff);
    // Relocation 0 says 11 entries: itself and the next 10, read as the section's relocations.
    long second = coff.u32(coff.relocation(text, 1, VIRTUAL_ADDRESS));
    coff.put32(coff.relocation(text, 0, VIRTUAL_ADDRESS), 11);
    List<Relocation> relocations = CoffReader.read(coff.bytes).section(text).relocations();
    assertEquals(10, relocations.size());
    assertEquals(second, relocations.get(0).offset());
    assertMalformed(coff.put32(coff.relocation(text, 0, VIRTUAL_ADDRESS), 0).bytes,
        where + ": IMAGE_SCN_LNK_NRELOC_OVFL is set, but the relocation count in the first"
            + " relocation is 0");
    assertMalformed(coff.put32(coff.relocation(text, 0, VIRTUAL_ADDRESS), 0xffffffffL).bytes,
        where + " relocations (4294967294)", "extends past the end of the file");
  }

  @Test
  void unknownRelocationTypeIsNamedNotRejected() throws Exception {
    CoffBytes coff = new CoffBytes(x64);
    int text = coff.number(".text");
    coff.put16(coff.relocation(text, 0, RELOCATION_TYPE), 0x1234);
    Relocation relocation = CoffReader.read(coff.bytes).section(text).relocations().get(0);
    assertEquals(0x1234, relocation.type());
    assertEquals("unknown type 0x1234", relocation.typeName());
    assertEquals(0, relocation.addend());
  }

  /** Random single-byte changes anywhere in the file. */
  @Test
  void randomByteCorruption() {
    for (byte[] original : List.of(x64, x86, arm64)) {
      Random random = new Random(20240611);
      for (int i = 0; i < 2000; i++) {
        byte[] bytes = original.clone();
        int at = random.nextInt(bytes.length);
        bytes[at] = (byte) random.nextInt(256);
        assertParsesOrMalformed(bytes, "byte " + at + " = " + bytes[at]);
      }
    }
  }

  /**
   * Random changes of one to eight bytes in the file's structures (headers, symbol table,
   * relocations), where almost every change matters, with the values that break bounds checks
   * most often: all ones, all zeros, and the high bit.
   */
  @Test
  void randomStructureCorruption() {
    for (byte[] original : List.of(x64, x86, arm64)) {
      List<int[]> ranges = structureRanges(new CoffBytes(original));
      Random random = new Random(7);
      for (int i = 0; i < 2000; i++) {
        byte[] bytes = original.clone();
        int[] range = ranges.get(random.nextInt(ranges.size()));
        int at = range[0] + random.nextInt(range[1] - range[0]);
        int length = Math.min(1 + random.nextInt(8), bytes.length - at);
        for (int j = 0; j < length; j++) {
          bytes[at + j] = switch (random.nextInt(4)) {
            case 0 -> (byte) 0xff;
            case 1 -> 0;
            case 2 -> (byte) 0x80;
            default -> (byte) random.nextInt(256);
          };
        }
        assertParsesOrMalformed(bytes, length + " bytes at " + at);
      }
    }
  }

  private static List<int[]> structureRanges(CoffBytes coff) {
    List<int[]> ranges = new ArrayList<>();
    ranges.add(new int[] {0, coff.header(1, 0) + coff.sectionCount() * SECTION_HEADER_SIZE});
    ranges.add(new int[] {coff.symbol(0, 0), coff.stringTable() + 4});
    for (int number = 1; number <= coff.sectionCount(); number++) {
      int count = coff.relocationCount(number);
      if (count > 0) {
        int start = coff.relocation(number, 0, 0);
        ranges.add(new int[] {start, start + count * RELOCATION_SIZE});
      }
    }
    return ranges;
  }

  private static void assertParsesOrMalformed(byte[] bytes, String change) {
    try {
      ObjectFile file = CoffReader.read(bytes);
      for (Section section : file.sections()) {
        long contents = (section.flags() & 0x80) != 0 ? 0 : section.size();
        assertEquals(contents, section.bytes().length, change + ": " + section);
        for (Relocation relocation : section.relocations()) {
          assertTrue(relocation.offset() < section.size(), change + ": " + relocation);
        }
      }
    } catch (MalformedObjectException expected) {
      // the only acceptable failure
    } catch (RuntimeException e) {
      throw new AssertionError(change + ": " + e, e);
    }
  }

  private static void assertMalformed(byte[] bytes, String... parts) {
    ReaderAssertions.assertMalformed(CoffReader::read, bytes, parts);
  }
}
