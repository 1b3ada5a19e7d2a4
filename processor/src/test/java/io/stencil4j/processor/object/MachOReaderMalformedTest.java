package io.stencil4j.processor.object;

import static io.stencil4j.processor.object.MachOBytes.CMD;
import static io.stencil4j.processor.object.MachOBytes.CMDSIZE;
import static io.stencil4j.processor.object.MachOBytes.CPUTYPE;
import static io.stencil4j.processor.object.MachOBytes.FILETYPE;
import static io.stencil4j.processor.object.MachOBytes.LC_DYSYMTAB;
import static io.stencil4j.processor.object.MachOBytes.LC_SEGMENT_64;
import static io.stencil4j.processor.object.MachOBytes.LC_SYMTAB;
import static io.stencil4j.processor.object.MachOBytes.NCMDS;
import static io.stencil4j.processor.object.MachOBytes.NLIST_SIZE;
import static io.stencil4j.processor.object.MachOBytes.N_SECT;
import static io.stencil4j.processor.object.MachOBytes.N_STRX;
import static io.stencil4j.processor.object.MachOBytes.N_TYPE;
import static io.stencil4j.processor.object.MachOBytes.N_VALUE;
import static io.stencil4j.processor.object.MachOBytes.RELOCATION_SIZE;
import static io.stencil4j.processor.object.MachOBytes.R_ADDRESS;
import static io.stencil4j.processor.object.MachOBytes.R_INFO;
import static io.stencil4j.processor.object.MachOBytes.SECT_ALIGN;
import static io.stencil4j.processor.object.MachOBytes.SECT_FLAGS;
import static io.stencil4j.processor.object.MachOBytes.SECT_NRELOC;
import static io.stencil4j.processor.object.MachOBytes.SECT_OFFSET;
import static io.stencil4j.processor.object.MachOBytes.SECT_RELOFF;
import static io.stencil4j.processor.object.MachOBytes.SECT_SIZE;
import static io.stencil4j.processor.object.MachOBytes.SEGMENT_NSECTS;
import static io.stencil4j.processor.object.MachOBytes.SIZEOFCMDS;
import static io.stencil4j.processor.object.MachOBytes.SYMTAB_NSYMS;
import static io.stencil4j.processor.object.MachOBytes.SYMTAB_STROFF;
import static io.stencil4j.processor.object.MachOBytes.SYMTAB_STRSIZE;
import static io.stencil4j.processor.object.MachOBytes.SYMTAB_SYMOFF;
import static io.stencil4j.processor.object.ReaderAssertions.assertSurvivesCorruption;
import static io.stencil4j.processor.object.ReaderAssertions.named;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged and unsupported input: every case must end in a {@link MalformedObjectException} that
 * says what is wrong, and no other exception may escape the reader.
 */
class MachOReaderMalformedTest {
  private static final int TEXT = 1;
  private static final int X86_64_RELOC_UNSIGNED = 0;
  private static final int X86_64_RELOC_GOT = 4;
  private static final int X86_64_RELOC_SIGNED = 1;
  private static final int ARM64_RELOC_GOT_LOAD_PAGEOFF12 = 6;
  private static final int ARM64_RELOC_PAGE21 = 3;
  private static final int ARM64_RELOC_PAGEOFF12 = 4;
  private static final int ARM64_RELOC_ADDEND = 10;

  @TempDir static Path temp;

  /** stencils.c for x86-64: code, literals, strings, data, bss, SIGNED and SUBTRACTOR pairs. */
  private static byte[] x86;
  private static byte[] arm64;
  /** The arm64 addend assembly: ARM64_RELOC_ADDEND entries. */
  private static byte[] arm64Addends;

  @BeforeAll
  static void compile() throws Exception {
    List<String> flags = MachOReaderDifferentialTest.flags();
    Path stencils = LlvmTools.resource("stencils.c");
    x86 = Files.readAllBytes(LlvmTools.compile(stencils, MachOReaderDifferentialTest.X86_64,
        flags, temp, "x86"));
    arm64 = Files.readAllBytes(LlvmTools.compile(stencils, MachOReaderDifferentialTest.ARM64,
        flags, temp, "arm64"));
    arm64Addends = Files.readAllBytes(LlvmTools.compile(
        LlvmTools.resource("macho_addends_arm64.s"), MachOReaderDifferentialTest.ARM64,
        List.of("-c"), temp, "addends"));
  }

  @Test
  void readsTheIntactObjects() throws Exception {
    assertEquals(MachOReader.CPU_TYPE_X86_64, MachOReader.read(x86).machine());
    assertEquals(MachOReader.CPU_TYPE_ARM64, MachOReader.read(arm64).machine());
    assertEquals(ObjectFile.Format.MACH_O, MachOReader.read(x86).format());
  }

  @Test
  void sectionKindsFollowTypeAndAttributes() throws Exception {
    Map<String, Section.Kind> x86Kinds = kinds(MachOReader.read(x86));
    assertEquals(Map.of("__text", Section.Kind.CODE, "__literal8", Section.Kind.DATA,
        "__data", Section.Kind.DATA, "__cstring", Section.Kind.DATA, "__const",
        Section.Kind.DATA, "__bss", Section.Kind.ZERO_FILL), x86Kinds);
    Section bss = named(MachOReader.read(x86), "__bss");
    assertEquals(0, bss.bytes().length);
    assertEquals(32 * 8, bss.size());

    Path symbols = LlvmTools.resource("macho_symbols.c");
    Map<String, Section.Kind> tls = kinds(MachOReader.read(Files.readAllBytes(LlvmTools.compile(
        symbols, "arm64-apple-macos11", MachOReaderDifferentialTest.flags(), temp, "tls"))));
    assertEquals(Section.Kind.THREAD_LOCAL, tls.get("__thread_data"));
    assertEquals(Section.Kind.THREAD_LOCAL, tls.get("__thread_vars"));
    assertEquals(Section.Kind.THREAD_LOCAL, tls.get("__thread_bss"));
    assertEquals(Section.Kind.CODE, tls.get("__custom")); // S_ATTR_SOME_INSTRUCTIONS only

    Map<String, Section.Kind> unwind = kinds(MachOReader.read(Files.readAllBytes(
        LlvmTools.compile(LlvmTools.resource("stencils.c"), MachOReaderDifferentialTest.ARM64,
            MachOReaderDifferentialTest.flags("-fasynchronous-unwind-tables"), temp,
            "unwind"))));
    assertEquals(Section.Kind.OTHER, unwind.get("__compact_unwind")); // S_ATTR_DEBUG

    // The name plays no part: __text called __data is code, and __data with instructions too.
    MachOBytes renamed = new MachOBytes(x86);
    int data = renamed.sectionNumber("__DATA", "__data");
    System.arraycopy(x86, renamed.section(data, 0), renamed.bytes, renamed.section(TEXT, 0), 16);
    renamed.put32(renamed.section(data, SECT_FLAGS), 0x80000400L);
    ObjectFile file = MachOReader.read(renamed.bytes);
    assertEquals("__data", file.section(TEXT).name());
    assertEquals(Section.Kind.CODE, file.section(TEXT).kind());
    assertEquals(Section.Kind.CODE, file.section(data).kind());
  }

  @Test
  void sectionBasedRelocationsReferToSectionSymbols() throws Exception {
    ObjectFile file = MachOReader.read(x86);
    List<Symbol> sectionSymbols = file.sections().stream()
        .flatMap(s -> s.relocations().stream()).map(Relocation::symbol)
        .filter(s -> s.index() == MachOReader.SECTION_SYMBOL_INDEX).distinct().toList();
    assertEquals(List.of("__cstring", "__literal8"),
        sectionSymbols.stream().map(Symbol::name).sorted().toList());
    for (Symbol symbol : sectionSymbols) {
      assertEquals(file.section(symbol.section()).name(), symbol.name());
      assertEquals(new Symbol(MachOReader.SECTION_SYMBOL_INDEX, symbol.name(), symbol.section(),
          0, 0, Symbol.Binding.LOCAL, Symbol.Type.SECTION), symbol);
    }
  }

  @Test
  void truncatedAtEveryLength() {
    assertMalformed(new byte[0], "not a Mach-O file");
    assertMalformed(Arrays.copyOf(x86, 3), "not a Mach-O file");
    assertMalformed(Arrays.copyOf(x86, 31), "truncated Mach-O header: 31 bytes, need 32");
    // clang writes the string table last, so every shorter file lacks part of something.
    for (int length = 32; length < x86.length; length++) {
      assertMalformed(Arrays.copyOf(x86, length),
          "extends past the end of the file (" + length + " bytes)");
    }
  }

  @Test
  void unsupportedKinds() {
    assertMalformed("MZ\u0090\0 not a Mach-O file".getBytes(), "not a Mach-O file");
    assertMalformed(HexFormat.of().parseHex("7f454c4602010100"), "not a Mach-O file");
    assertMalformed(HexFormat.of().parseHex("cafebabe00000002"),
        "universal (fat) Mach-O is not supported");
    assertMalformed(HexFormat.of().parseHex("cefaedfe07000000"),
        "32-bit Mach-O is not supported");
    assertMalformed(HexFormat.of().parseHex("feedfacf01000007"),
        "big-endian Mach-O is not supported");
    assertMalformed(new MachOBytes(x86).put32(CPUTYPE, 7).bytes, "unsupported cputype 0x7");
    assertMalformed(new MachOBytes(x86).put32(CPUTYPE, 0x01000012).bytes,
        "unsupported cputype 0x1000012");
    assertMalformed(new MachOBytes(x86).put32(FILETYPE, 2).bytes,
        "not a relocatable object file (filetype 2)");
  }

  @Test
  void badLoadCommands() {
    MachOBytes macho = new MachOBytes(x86);
    List<Integer> commands = macho.loadCommands();
    int segment = macho.command(LC_SEGMENT_64);
    int symtab = macho.command(LC_SYMTAB);
    assertMalformed(new MachOBytes(x86).put32(NCMDS, commands.size() + 1).bytes,
        "load command " + commands.size() + " at offset 0x", "extends past the end of the "
            + "load commands (sizeofcmds " + macho.u32(SIZEOFCMDS) + ")");
    assertMalformed(new MachOBytes(x86).put32(SIZEOFCMDS, x86.length).bytes,
        "load commands (offset 0x20, size " + x86.length + ") extends past the end of the file");
    for (long size : List.of(0L, 12L, 0x10000L)) {
      assertMalformed(new MachOBytes(x86).put32(segment + CMDSIZE, size).bytes,
          "load command 0 (0x19): cmdsize " + size + " is not a multiple of 8 between 8 and");
    }
    assertMalformed(new MachOBytes(x86).put32(segment + CMDSIZE, 64).bytes,
        "load command 0 (LC_SEGMENT_64): cmdsize 64 is less than 72");
    assertMalformed(new MachOBytes(x86).put32(segment + SEGMENT_NSECTS, 7).bytes,
        "load command 0 (LC_SEGMENT_64): 7 sections do not fit in cmdsize 552");
    assertMalformed(new MachOBytes(x86).put32(segment + CMD, 1).bytes,
        "load command 0: LC_SEGMENT (32-bit) in a 64-bit Mach-O file");
    int symtabNumber = commands.indexOf(symtab);
    assertMalformed(new MachOBytes(x86).put32(symtab + CMDSIZE, 16).bytes,
        "load command " + symtabNumber + " (LC_SYMTAB): cmdsize 16 is less than 24");
    assertMalformed(new MachOBytes(x86).put32(macho.command(LC_DYSYMTAB) + CMD, LC_SYMTAB).bytes,
        "load command " + (symtabNumber + 1) + ": a second LC_SYMTAB");
  }

  @Test
  void badSections() {
    MachOBytes macho = new MachOBytes(x86);
    String text = "section 1 (__TEXT,__text)";
    assertMalformed(new MachOBytes(x86).put64(macho.section(TEXT, SECT_SIZE), x86.length).bytes,
        text + " contents", "extends past the end of the file");
    assertMalformed(new MachOBytes(x86).put32(macho.section(TEXT, SECT_OFFSET), x86.length)
        .bytes, text + " contents (offset 0x" + Integer.toHexString(x86.length));
    assertMalformed(new MachOBytes(x86).put64(macho.section(TEXT, SECT_SIZE), -1).bytes,
        text + " contents (offset 0x2d0, size 18446744073709551615) extends past");
    assertMalformed(new MachOBytes(x86).put32(macho.section(TEXT, SECT_ALIGN), 32).bytes,
        text + ": alignment 2^32 is larger than 2^31");
    assertMalformed(new MachOBytes(x86).put32(macho.section(TEXT, SECT_RELOFF), x86.length)
        .bytes, text + " relocations (offset 0x" + Integer.toHexString(x86.length));
    assertMalformed(new MachOBytes(x86).put32(macho.section(TEXT, SECT_NRELOC), 0xffffffffL)
        .bytes, text + " relocations", "size 34359738360) extends past the end of the file");

    int bss = macho.sectionNumber("__DATA", "__bss");
    String bssName = "section " + bss + " (__DATA,__bss)";
    assertMalformed(new MachOBytes(x86).put64(macho.section(bss, SECT_SIZE), -1).bytes,
        bssName + ": size 18446744073709551615 is too large");
    assertMalformed(new MachOBytes(x86).put32(macho.section(bss, SECT_FLAGS), 0x80000001L).bytes,
        bssName + ": zero-fill section with instructions");
    assertMalformed(new MachOBytes(x86).put32(macho.section(bss, SECT_NRELOC), 1)
        .put32(macho.section(bss, SECT_RELOFF), macho.u32(macho.section(TEXT, SECT_RELOFF)))
        .bytes, bssName + ": relocations in a zero-fill section");
  }

  @Test
  void badStrings() {
    MachOBytes macho = new MachOBytes(x86);
    long strsize = macho.u32(macho.symtab(SYMTAB_STRSIZE));
    assertMalformed(new MachOBytes(x86).put32(macho.symbol(3, N_STRX), strsize).bytes,
        "name of symbol 3: string offset " + strsize + " is past the end of the string table ("
            + strsize + " bytes)");
    // The table ends in the middle of the first symbol's name.
    long name = macho.u32(macho.symbol(0, N_STRX));
    assertMalformed(new MachOBytes(x86).put32(macho.symtab(SYMTAB_STRSIZE), name + 2).bytes,
        "name of symbol 0: string at offset " + name + " is not NUL-terminated");
    assertMalformed(new MachOBytes(x86).put32(macho.symtab(SYMTAB_STROFF), x86.length).bytes,
        "string table (offset 0x" + Integer.toHexString(x86.length));
    assertMalformed(new MachOBytes(x86).put32(macho.symtab(SYMTAB_NSYMS), 0x10000000).bytes,
        "symbol table (offset 0x", "size 4294967296) extends past the end of the file");
    assertMalformed(new MachOBytes(x86).put32(macho.symtab(SYMTAB_SYMOFF), x86.length - 8)
        .bytes, "symbol table (offset 0x" + Integer.toHexString(x86.length - 8));
  }

  @Test
  void badSymbols() throws Exception {
    MachOBytes macho = new MachOBytes(x86);
    int symbol = macho.symbolIndex("_stencil_add");
    String what = "symbol " + symbol + " (_stencil_add)";
    int sections = macho.sectionHeaders().size();
    for (int section : List.of(0, sections + 1)) {
      assertMalformed(new MachOBytes(x86).put8(macho.symbol(symbol, N_SECT), section).bytes,
          what + ": section number " + section + " out of range (" + sections + " sections)");
    }
    long textSize = macho.u64(macho.section(TEXT, SECT_SIZE));
    assertMalformed(new MachOBytes(x86).put64(macho.symbol(symbol, N_VALUE), textSize + 1).bytes,
        what + ": address 0x" + Long.toHexString(textSize + 1) + " is outside section 1 "
            + "(__TEXT,__text) (0x0, " + textSize + " bytes)");
    assertMalformed(new MachOBytes(x86).put8(macho.symbol(symbol, N_TYPE), 0xa | 1).bytes,
        what + ": unsupported symbol type 0xa");
    assertMalformed(new MachOBytes(x86).put8(macho.symbol(symbol, N_TYPE), 0xc | 1).bytes,
        what + ": unsupported symbol type 0xc");
    assertMalformed(new MachOBytes(x86).put8(macho.symbol(symbol, N_TYPE), 0x4 | 1).bytes,
        what + ": invalid symbol type 0x4");

    Path common = LlvmTools.compile(LlvmTools.resource("common.c"),
        MachOReaderDifferentialTest.X86_64, List.of("-O2", "-c", "-fcommon"), temp, "common");
    assertMalformed(Files.readAllBytes(common),
        "common symbol _tentative_counter: compile with -fno-common");
  }

  /** STAB entries (debugging symbols) are left out, and the others keep their indices. */
  @Test
  void debuggingSymbolsAreLeftOut() throws Exception {
    MachOBytes macho = new MachOBytes(x86);
    int exit = macho.symbolIndex("_stencil_exit");
    List<Symbol> original = MachOReader.read(x86).symbols();
    List<Symbol> symbols = MachOReader.read(new MachOBytes(x86)
        .put8(macho.symbol(exit, N_TYPE), 0x24).bytes).symbols(); // N_FUN
    assertEquals(original.stream().filter(s -> s.index() != exit).toList(), symbols);

    int jump = macho.symbolIndex("__JIT_CONTINUE");
    assertMalformed(new MachOBytes(x86).put8(macho.symbol(jump, N_TYPE), 0x24).bytes,
        "(X86_64_RELOC_BRANCH): symbol " + jump + " is a debugging symbol");
  }

  @Test
  void badRelocations() {
    MachOBytes macho = new MachOBytes(x86);
    String first = "relocation 0 of section 1 (__TEXT,__text) (X86_64_RELOC_BRANCH)";
    int address = macho.relocation(TEXT, 0, R_ADDRESS);
    int info = macho.relocation(TEXT, 0, R_INFO);
    long branch = macho.u32(info);
    assertMalformed(new MachOBytes(x86).put32(address, 0x80000000L | macho.u32(address)).bytes,
        "relocation 0 of section 1 (__TEXT,__text): scattered relocations are not supported");
    assertMalformed(new MachOBytes(x86).put32(info, branch & 0x0fffffffL | 12L << 28).bytes,
        "relocation 0 of section 1 (__TEXT,__text): unsupported relocation type 12");
    assertMalformed(new MachOBytes(x86).put32(info, branch & ~(1L << 24)).bytes,
        first + ": r_pcrel is 0, expected 1");
    assertMalformed(new MachOBytes(x86).put32(info, branch | 3L << 25).bytes,
        first + ": r_length 3 is not supported");
    long size = macho.u64(macho.section(TEXT, SECT_SIZE));
    assertMalformed(new MachOBytes(x86).put32(address, size - 2).bytes,
        first + ": the 4-byte field at 0x" + Long.toHexString(size - 2)
            + " is outside section 1 (__TEXT,__text) (" + size + " bytes)");
    long symbols = macho.u32(macho.symtab(SYMTAB_NSYMS));
    assertMalformed(new MachOBytes(x86).put32(info, branch | 0xffffff).bytes,
        first + ": symbol index 16777215 out of range (" + symbols + " symbols)");

    int got = relocationIndex(macho, TEXT, X86_64_RELOC_GOT);
    assertMalformed(new MachOBytes(x86).put32(macho.relocation(TEXT, got, R_INFO),
        macho.u32(macho.relocation(TEXT, got, R_INFO)) & ~(1L << 27)).bytes,
        "relocation " + got + " of section 1 (__TEXT,__text) (X86_64_RELOC_GOT): must refer to a"
            + " symbol, not a section");
    int signed = relocationIndex(macho, TEXT, X86_64_RELOC_SIGNED, false);
    int signedInfo = macho.relocation(TEXT, signed, R_INFO);
    int sections = macho.sectionHeaders().size();
    for (int section : List.of(0, sections + 1)) {
      assertMalformed(new MachOBytes(x86).put32(signedInfo,
              macho.u32(signedInfo) & ~0xffffffL | section).bytes,
          "relocation " + signed + " of section 1 (__TEXT,__text) (X86_64_RELOC_SIGNED): section "
              + "number " + section + " out of range (" + sections + " sections)");
    }
  }

  /** __const holds three SUBTRACTOR + UNSIGNED pairs: the relative table of kNames. */
  @Test
  void unpairedSubtractors() {
    MachOBytes macho = new MachOBytes(x86);
    int section = macho.sectionNumber("__TEXT", "__const");
    String pair = "relocation 0 of section " + section + " (__TEXT,__const) "
        + "(X86_64_RELOC_SUBTRACTOR) is not followed by an UNSIGNED relocation of the same field,"
        + " but by relocation 1";
    int unsigned = macho.relocation(section, 1, R_INFO);
    assertEquals(X86_64_RELOC_UNSIGNED, macho.u32(unsigned) >>> 28);
    assertMalformed(new MachOBytes(x86).put32(macho.relocation(section, 1, R_ADDRESS), 4).bytes,
        pair);
    assertMalformed(new MachOBytes(x86).put32(unsigned, macho.u32(unsigned) | 3L << 25).bytes,
        pair);
    assertMalformed(new MachOBytes(x86).put32(macho.section(section, SECT_NRELOC), 5).bytes,
        "relocation 4 of section " + section + " (__TEXT,__const) (X86_64_RELOC_SUBTRACTOR) is the"
            + " last relocation: the relocation it belongs to is missing");
  }

  @Test
  void unpairedAddends() {
    MachOBytes macho = new MachOBytes(arm64Addends);
    int addend = relocationIndex(macho, TEXT, ARM64_RELOC_ADDEND);
    int next = macho.relocation(TEXT, addend + 1, R_INFO);
    assertEquals(ARM64_RELOC_PAGEOFF12, macho.u32(next) >>> 28); // same shape as GOT_LOAD_*OFF12
    String what = "relocation " + addend + " of section 1 (__TEXT,__text) (ARM64_RELOC_ADDEND)";
    assertMalformed(new MachOBytes(arm64Addends).put32(next,
            macho.u32(next) & 0x0fffffffL | (long) ARM64_RELOC_GOT_LOAD_PAGEOFF12 << 28).bytes,
        what + " is not followed by a BRANCH26, PAGE21 or PAGEOFF12 relocation at the same "
            + "offset, but by relocation " + (addend + 1), "(ARM64_RELOC_GOT_LOAD_PAGEOFF12)");
    assertMalformed(new MachOBytes(arm64Addends)
        .put32(macho.relocation(TEXT, addend + 1, R_ADDRESS), 0).bytes, what + " is not followed");
    assertMalformed(new MachOBytes(arm64Addends).put32(macho.section(TEXT, SECT_NRELOC),
        addend + 1).bytes, what + " is the last relocation");

    int page = relocationIndex(macho, TEXT, ARM64_RELOC_PAGE21);
    int pageInfo = macho.relocation(TEXT, page, R_INFO);
    assertMalformed(new MachOBytes(arm64Addends).put32(pageInfo,
            macho.u32(pageInfo) & ~(1L << 27) & ~0xffffffL | 1).bytes,
        "(ARM64_RELOC_PAGE21): must refer to a symbol, not a section");
  }

  /** Single-byte changes anywhere in the file. */
  @Test
  void randomByteCorruption() {
    for (byte[] original : List.of(x86, arm64, arm64Addends)) {
      assertSurvivesCorruption(MachOReader::read, original,
          List.<int[]>of(new int[] {0, original.length}), 1, 20240611, 2000);
    }
  }

  /**
   * Changes of one to eight bytes in the file's structures (header and load commands, symbol
   * table, relocations), where almost every change matters.
   */
  @Test
  void randomStructureCorruption() {
    for (byte[] original : List.of(x86, arm64, arm64Addends)) {
      assertSurvivesCorruption(MachOReader::read, original, structureRanges(original), 8, 7,
          2000);
    }
  }

  private static List<int[]> structureRanges(byte[] original) {
    MachOBytes macho = new MachOBytes(original);
    List<int[]> ranges = new ArrayList<>();
    ranges.add(new int[] {0, MachOBytes.HEADER_SIZE + (int) macho.u32(SIZEOFCMDS)});
    int symoff = (int) macho.u32(macho.symtab(SYMTAB_SYMOFF));
    ranges.add(new int[] {symoff, symoff + (int) macho.u32(macho.symtab(SYMTAB_NSYMS))
        * NLIST_SIZE});
    for (int section = 1; section <= macho.sectionHeaders().size(); section++) {
      long count = macho.u32(macho.section(section, SECT_NRELOC));
      if (count > 0) {
        int start = macho.relocation(section, 0, R_ADDRESS);
        ranges.add(new int[] {start, start + (int) count * RELOCATION_SIZE});
      }
    }
    assertTrue(ranges.size() > 2);
    return ranges;
  }

  /** The index of the first relocation of {@code type} in section {@code section}. */
  private static int relocationIndex(MachOBytes macho, int section, int type) {
    return relocationIndex(macho, section, type, true);
  }

  /** The first relocation of {@code type} in {@code section} that is (or is not) extern. */
  private static int relocationIndex(MachOBytes macho, int section, int type, boolean external) {
    for (int i = 0; i < macho.u32(macho.section(section, SECT_NRELOC)); i++) {
      long info = macho.u32(macho.relocation(section, i, R_INFO));
      boolean isExternal = (info & 1L << 27) != 0;
      if (info >>> 28 == type && (isExternal == external || type == ARM64_RELOC_ADDEND)) {
        return i;
      }
    }
    throw new IllegalArgumentException("no relocation of type " + type);
  }

  private static Map<String, Section.Kind> kinds(ObjectFile file) {
    assertFalse(file.sections().isEmpty());
    return file.sections().stream().collect(Collectors.toMap(Section::name, Section::kind,
        (a, b) -> {
          assertEquals(a, b, "kinds of two sections with the same name");
          return a;
        }));
  }

  private static void assertMalformed(byte[] bytes, String... parts) {
    ReaderAssertions.assertMalformed(MachOReader::read, bytes, parts);
  }
}
