package io.stencil4j.processor.object;

import static io.stencil4j.processor.object.ElfBytes.E_MACHINE;
import static io.stencil4j.processor.object.ElfBytes.E_SHENTSIZE;
import static io.stencil4j.processor.object.ElfBytes.E_SHNUM;
import static io.stencil4j.processor.object.ElfBytes.E_SHOFF;
import static io.stencil4j.processor.object.ElfBytes.E_SHSTRNDX;
import static io.stencil4j.processor.object.ElfBytes.E_TYPE;
import static io.stencil4j.processor.object.ElfBytes.RELA_SIZE;
import static io.stencil4j.processor.object.ElfBytes.R_INFO;
import static io.stencil4j.processor.object.ElfBytes.R_OFFSET;
import static io.stencil4j.processor.object.ElfBytes.SHT_NOBITS;
import static io.stencil4j.processor.object.ElfBytes.SHT_RELA;
import static io.stencil4j.processor.object.ElfBytes.SHT_SYMTAB;
import static io.stencil4j.processor.object.ElfBytes.SH_ADDRALIGN;
import static io.stencil4j.processor.object.ElfBytes.SH_ENTSIZE;
import static io.stencil4j.processor.object.ElfBytes.SH_FLAGS;
import static io.stencil4j.processor.object.ElfBytes.SH_INFO;
import static io.stencil4j.processor.object.ElfBytes.SH_LINK;
import static io.stencil4j.processor.object.ElfBytes.SH_NAME;
import static io.stencil4j.processor.object.ElfBytes.SH_OFFSET;
import static io.stencil4j.processor.object.ElfBytes.SH_SIZE;
import static io.stencil4j.processor.object.ElfBytes.SH_TYPE;
import static io.stencil4j.processor.object.ElfBytes.ST_INFO;
import static io.stencil4j.processor.object.ElfBytes.ST_NAME;
import static io.stencil4j.processor.object.ElfBytes.ST_SHNDX;
import static io.stencil4j.processor.object.ElfBytes.ST_VALUE;
import static io.stencil4j.processor.object.ReaderAssertions.assertKind;
import static io.stencil4j.processor.object.ReaderAssertions.named;
import static io.stencil4j.processor.object.ReaderAssertions.patched;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
class ElfReaderMalformedTest {
  private static final String X86_64 = ElfReaderDifferentialTest.X86_64;
  private static final String AARCH64 = ElfReaderDifferentialTest.AARCH64;

  @TempDir static Path temp;

  /** stencils.c for x86-64 with the stencil flags: code, data, .lbss, symbols, RELA. */
  private static byte[] x86;
  private static byte[] aarch64;

  @BeforeAll
  static void compile() throws Exception {
    x86 = Files.readAllBytes(LlvmTools.compile(LlvmTools.resource("stencils.c"), X86_64,
        ElfReaderDifferentialTest.X86_64_STENCIL_FLAGS, temp, "x86"));
    aarch64 = Files.readAllBytes(LlvmTools.compile(LlvmTools.resource("stencils.c"), AARCH64,
        ElfReaderDifferentialTest.flags("-fno-plt", "-fpic", "-mno-outline-atomics"), temp,
        "aarch64"));
  }

  @Test
  void readsTheIntactObjects() throws Exception {
    assertEquals(ElfReader.EM_X86_64, ElfReader.read(x86).machine());
    assertEquals(ElfReader.EM_AARCH64, ElfReader.read(aarch64).machine());
  }

  @Test
  void sectionKindsFollowTypeAndFlags() throws Exception {
    ObjectFile file = ElfReader.read(x86);
    assertEquals(Section.Kind.OTHER, file.section(0).kind());
    assertKind(file, ".text", Section.Kind.CODE);
    assertKind(file, ".rodata.cst8", Section.Kind.DATA);
    assertKind(file, ".lrodata", Section.Kind.DATA);
    assertKind(file, ".lrodata.str1.1", Section.Kind.DATA);
    assertKind(file, ".ldata", Section.Kind.DATA);
    assertKind(file, ".lbss", Section.Kind.ZERO_FILL);
    assertKind(file, ".symtab", Section.Kind.OTHER);
    assertKind(file, ".rela.text", Section.Kind.OTHER);
    assertKind(file, ".comment", Section.Kind.OTHER);
    assertKind(file, ".llvm_addrsig", Section.Kind.OTHER);
    Section bss = named(file, ".lbss");
    assertEquals(0, bss.bytes().length);
    assertEquals(32 * 8, bss.size());
    for (Section section : file.sections()) {
      assertTrue(section.alignment() >= 1, section.toString());
    }
    // The name plays no part: an executable section called .data is code.
    ElfBytes renamed = new ElfBytes(x86);
    int text = renamed.index(".text");
    renamed.put32(renamed.header(text, SH_NAME), renamed.u32(renamed.header(
        renamed.index(".ldata"), SH_NAME)));
    assertEquals(Section.Kind.CODE, ElfReader.read(renamed.bytes).section(text).kind());
  }

  @Test
  void sectionSymbolsAreNamedAfterTheirSection() throws Exception {
    ObjectFile file = ElfReader.read(x86);
    List<Symbol> sectionSymbols = file.symbols().stream()
        .filter(s -> s.type() == Symbol.Type.SECTION).toList();
    assertTrue(!sectionSymbols.isEmpty());
    for (Symbol symbol : sectionSymbols) {
      assertEquals(file.section(symbol.section()).name(), symbol.name());
    }
  }

  @Test
  void truncatedAtEveryLength() {
    assertMalformed(new byte[0], "not an ELF file");
    assertMalformed(Arrays.copyOf(x86, 3), "not an ELF file");
    assertMalformed(Arrays.copyOf(x86, 5), "truncated ELF header: 5 bytes");
    assertMalformed(Arrays.copyOf(x86, 63), "truncated ELF header: 63 bytes, need 64");
    // clang writes the section header table last, so every shorter file lacks part of it.
    for (int length = 64; length < x86.length; length++) {
      assertMalformed(Arrays.copyOf(x86, length), "section header table",
          "extends past the end of the file (" + length + " bytes)");
    }
  }

  @Test
  void notElf() {
    assertMalformed("MZ\u0090\0 not an ELF file at all".getBytes(), "not an ELF file");
    assertMalformed(patched(x86, 1, 'X'), "not an ELF file");
  }

  @Test
  void unsupportedKinds() {
    assertMalformed(patched(x86, 4, 1), "ELF32 is not supported");
    assertMalformed(patched(x86, 4, 3), "invalid ELF class 3");
    assertMalformed(patched(x86, 5, 2), "big-endian ELF is not supported");
    assertMalformed(patched(x86, 5, 0), "invalid ELF data encoding 0");
    assertMalformed(new ElfBytes(x86).put16(E_MACHINE, 40).bytes, "unsupported machine 40");
    assertMalformed(new ElfBytes(x86).put16(E_MACHINE, 3).bytes, "unsupported machine 3");
    assertMalformed(new ElfBytes(x86).put16(E_TYPE, 3).bytes,
        "not a relocatable object file (e_type 3)");
  }

  @Test
  void sectionHeaderTable() {
    assertMalformed(new ElfBytes(x86).put64(E_SHOFF, 0).bytes, "no section header table");
    assertMalformed(new ElfBytes(x86).put64(E_SHOFF, x86.length).bytes,
        "section header table (offset 0x" + Integer.toHexString(x86.length)
            + ", size 64) extends past the end of the file");
    assertMalformed(new ElfBytes(x86).put64(E_SHOFF, -64).bytes, "section header table",
        "extends past the end of the file");
    assertMalformed(new ElfBytes(x86).put16(E_SHENTSIZE, 40).bytes,
        "e_shentsize is 40, expected 64");
    assertMalformed(new ElfBytes(x86).put16(E_SHNUM, 0xfeff).bytes,
        "section header table (65279 entries at offset 0x");
    // e_shnum 0 means "the count is in section 0's sh_size", which is 0 here.
    assertMalformed(new ElfBytes(x86).put16(E_SHNUM, 0).bytes, "section header table (0 entries");
  }

  @Test
  void extendedNumberingReadsTheSame() throws Exception {
    Listing original = Listing.of(ElfReader.read(x86));
    ElfBytes count = new ElfBytes(x86);
    count.put64(count.header(0, SH_SIZE), count.sectionCount()).put16(E_SHNUM, 0);
    ElfBytes names = new ElfBytes(x86);
    names.put32(names.header(0, SH_LINK), names.u16(E_SHSTRNDX)).put16(E_SHSTRNDX, 0xffff);
    for (ElfBytes variant : List.of(count, names)) {
      Listing listing = Listing.of(ElfReader.read(variant.bytes));
      // Section 0 itself now carries the count or the index.
      assertEquals(original.sections().subList(1, original.sections().size()),
          listing.sections().subList(1, listing.sections().size()));
      assertEquals(original.symbols(), listing.symbols());
      assertEquals(original.relocations(), listing.relocations());
      assertEquals(original.contents(), listing.contents());
    }
  }

  @Test
  void sectionContentsOutsideTheFile() {
    ElfBytes elf = new ElfBytes(x86);
    int text = elf.index(".text");
    String where = "section " + text + " (.text) contents";
    assertMalformed(new ElfBytes(x86).put64(elf.header(text, SH_SIZE), x86.length).bytes,
        where, "extends past the end of the file");
    assertMalformed(new ElfBytes(x86).put64(elf.header(text, SH_OFFSET), x86.length).bytes,
        where);
    assertMalformed(new ElfBytes(x86).put64(elf.header(text, SH_OFFSET), Long.MIN_VALUE).bytes,
        where);
    assertMalformed(new ElfBytes(x86).put64(elf.header(text, SH_SIZE), -1).bytes, where);
    // offset + size overflows a long; a naive bounds check would pass it.
    assertMalformed(new ElfBytes(x86).put64(elf.header(text, SH_OFFSET), Long.MAX_VALUE - 8)
        .put64(elf.header(text, SH_SIZE), 16).bytes, where);
    int bss = elf.firstOfType(SHT_NOBITS);
    assertMalformed(new ElfBytes(x86).put64(elf.header(bss, SH_SIZE), -1).bytes,
        "section " + bss + " (.lbss): size 18446744073709551615 is too large");
  }

  @Test
  void badStrings() {
    ElfBytes elf = new ElfBytes(x86);
    int text = elf.index(".text");
    int shstrtab = elf.u16(E_SHSTRNDX);
    assertMalformed(new ElfBytes(x86).put32(elf.header(text, SH_NAME), 0x7fffffff).bytes,
        "name of section " + text + ": string offset 2147483647 is past the end of string table"
            + " section " + shstrtab);
    int symtab = elf.firstOfType(SHT_SYMTAB);
    int strtab = (int) elf.u32(elf.header(symtab, SH_LINK));
    assertMalformed(new ElfBytes(x86).put32(elf.symbol(1, ST_NAME), elf.size(strtab)).bytes,
        "name of symbol 1: string offset " + elf.size(strtab) + " is past the end");
    // The last string of the table loses its terminator.
    assertMalformed(patched(x86, elf.contents(strtab, elf.size(strtab) - 1), 'x'),
        "is not NUL-terminated in string table section " + strtab);
    assertMalformed(new ElfBytes(x86).put16(E_SHSTRNDX, elf.sectionCount()).bytes,
        "section name table: section index " + elf.sectionCount() + " out of range");
    assertMalformed(new ElfBytes(x86).put16(E_SHSTRNDX, text).bytes,
        "section name table: section " + text + " is not SHT_STRTAB");
    assertMalformed(new ElfBytes(x86).put32(elf.header(symtab, SH_LINK), text).bytes,
        "string table: section " + text + " is not SHT_STRTAB");
  }

  @Test
  void badSymbolTable() {
    ElfBytes elf = new ElfBytes(x86);
    int symtab = elf.firstOfType(SHT_SYMTAB);
    String where = "section " + symtab + " (.symtab)";
    assertMalformed(new ElfBytes(x86).put64(elf.header(symtab, SH_ENTSIZE), 16).bytes,
        where + ": sh_entsize is 16, expected 24");
    assertMalformed(new ElfBytes(x86).put64(elf.header(symtab, SH_SIZE), elf.size(symtab) - 1)
        .bytes, where + ": size " + (elf.size(symtab) - 1)
        + " is not a multiple of the entry size 24");
    int comment = elf.index(".comment");
    assertMalformed(new ElfBytes(x86).put32(elf.header(comment, SH_TYPE), SHT_SYMTAB).bytes,
        "more than one symbol table");

    int symbol = elf.symbolIndex("stencil_add");
    String name = "symbol " + symbol + " (stencil_add)";
    assertMalformed(new ElfBytes(x86).put16(elf.symbol(symbol, ST_SHNDX), 0xfe00).bytes,
        name + ": section index 65024 out of range (" + elf.sectionCount() + " sections)");
    assertMalformed(new ElfBytes(x86).put16(elf.symbol(symbol, ST_SHNDX), 0xff05).bytes,
        name + ": unsupported section index 0xff05");
    assertMalformed(new ElfBytes(x86).put16(elf.symbol(symbol, ST_SHNDX), 0xffff).bytes,
        name + ": section index is SHN_XINDEX, but there is no SHT_SYMTAB_SHNDX section");
    assertMalformed(new ElfBytes(x86).put16(elf.symbol(symbol, ST_SHNDX), 0xff02).bytes,
        "common symbol stencil_add: compile with -fno-common");
    int text = elf.index(".text");
    assertMalformed(new ElfBytes(x86).put64(elf.symbol(symbol, ST_VALUE), elf.size(text) + 1)
        .bytes, name + ": value 0x" + Long.toHexString(elf.size(text) + 1)
        + " is past the end of section " + text + " (.text)");
    // STB_GNU_UNIQUE
    assertMalformed(new ElfBytes(x86).put8(elf.symbol(symbol, ST_INFO), (10 << 4) | 2).bytes,
        name + ": unsupported binding 10");
  }

  @Test
  void commonSymbols() throws Exception {
    Path object = LlvmTools.compile(LlvmTools.resource("common.c"), X86_64,
        List.of("-O2", "-c", "-fcommon"), temp, "common");
    assertMalformed(Files.readAllBytes(object),
        "common symbol tentative_counter: compile with -fno-common");
    Path fixed = LlvmTools.compile(LlvmTools.resource("common.c"), X86_64,
        List.of("-O2", "-c", "-fno-common"), temp, "no_common");
    ElfReader.read(Files.readAllBytes(fixed));
  }

  @Test
  void badRelocations() {
    ElfBytes elf = new ElfBytes(x86);
    int rela = elf.index(".rela.text");
    int text = elf.index(".text");
    String where = "section " + rela + " (.rela.text)";
    int first = elf.contents(rela, 0);
    assertMalformed(new ElfBytes(x86).put32(first + R_INFO + 4, 9999).bytes,
        "relocation 0 in " + where + ": symbol index 9999 out of range");
    int second = first + RELA_SIZE;
    assertMalformed(new ElfBytes(x86).put64(second + R_OFFSET, elf.size(text)).bytes,
        "relocation 1 in " + where + ": offset 0x" + Long.toHexString(elf.size(text))
            + " is outside section " + text + " (.text)");
    assertMalformed(new ElfBytes(x86).put32(elf.header(rela, SH_INFO), 999).bytes,
        where + ": sh_info 999 is not a section");
    assertMalformed(new ElfBytes(x86).put32(elf.header(rela, SH_INFO), 0).bytes,
        where + ": sh_info 0 is not a section");
    assertMalformed(new ElfBytes(x86).put32(elf.header(rela, SH_LINK), 1).bytes,
        where + ": sh_link 1 is not the symbol table");
    assertMalformed(new ElfBytes(x86).put64(elf.header(rela, SH_ENTSIZE), 16).bytes,
        where + ": sh_entsize is 16, expected 24");
    assertMalformed(new ElfBytes(x86).put32(elf.header(rela, SH_TYPE), 9).bytes,
        where + ": SHT_REL relocations are not supported");
  }

  @Test
  void unknownRelocationTypeIsNamedNotRejected() throws Exception {
    ElfBytes elf = new ElfBytes(x86);
    int rela = elf.index(".rela.text");
    elf.put32(elf.contents(rela, R_INFO), 0x1234);
    Relocation relocation = ElfReader.read(elf.bytes).section(elf.index(".text"))
        .relocations().get(0);
    assertEquals(0x1234, relocation.type());
    assertEquals("unknown type 0x1234", relocation.typeName());
  }

  @Test
  void compactRelocationsAreRejected() throws Exception {
    Path object = LlvmTools.compile(LlvmTools.resource("common.c"), X86_64,
        List.of("-O2", "-c", "-Wa,--crel,--allow-experimental-crel"), temp, "crel");
    assertMalformed(Files.readAllBytes(object),
        "(.crel.text): relocation section type 0x40000014 is not supported");
  }

  @Test
  void badSectionAttributes() {
    ElfBytes elf = new ElfBytes(x86);
    int text = elf.index(".text");
    assertMalformed(new ElfBytes(x86).put64(elf.header(text, SH_ADDRALIGN), 24).bytes,
        "section " + text + " (.text): alignment 24 is not a power of two");
    int bss = elf.firstOfType(SHT_NOBITS);
    assertMalformed(new ElfBytes(x86).put64(elf.header(bss, SH_FLAGS),
        elf.u64(elf.header(bss, SH_FLAGS)) | 0x4).bytes,
        "section " + bss + " (.lbss): executable SHT_NOBITS section");
  }

  /** Random single-byte changes anywhere in the file. */
  @Test
  void randomByteCorruption() {
    for (byte[] original : List.of(x86, aarch64)) {
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
    for (byte[] original : List.of(x86, aarch64)) {
      List<int[]> ranges = structureRanges(new ElfBytes(original));
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

  private static List<int[]> structureRanges(ElfBytes elf) {
    List<int[]> ranges = new ArrayList<>();
    ranges.add(new int[] {0, 64});
    ranges.add(new int[] {elf.header(0), elf.header(elf.sectionCount())});
    for (int i = 0; i < elf.sectionCount(); i++) {
      long type = elf.u32(elf.header(i, SH_TYPE));
      if ((type == SHT_SYMTAB || type == SHT_RELA) && elf.size(i) > 0) {
        ranges.add(new int[] {elf.contents(i, 0), elf.contents(i, elf.size(i))});
      }
    }
    return ranges;
  }

  private static void assertParsesOrMalformed(byte[] bytes, String change) {
    try {
      ObjectFile file = ElfReader.read(bytes);
      for (Section section : file.sections()) {
        if (section.type() != 0 && section.type() != SHT_NOBITS) {
          assertEquals(section.size(), section.bytes().length, change + ": " + section);
        }
      }
    } catch (MalformedObjectException expected) {
      // the only acceptable failure
    } catch (RuntimeException e) {
      throw new AssertionError(change + ": " + e, e);
    }
  }

  private static void assertMalformed(byte[] bytes, String... parts) {
    ReaderAssertions.assertMalformed(ElfReader::read, bytes, parts);
  }
}
