package io.stencil4j.processor.object;

import static io.stencil4j.processor.object.MachOReaderDifferentialTest.ARM64;
import static io.stencil4j.processor.object.MachOReaderDifferentialTest.X86_64;
import static io.stencil4j.processor.object.ReaderAssertions.assertMalformed;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The addend contract of {@link MachOReader}: for assembly whose relocations have known meanings
 * (the sources' comments derive each one), every relocation has the symbol and the ELF-equivalent
 * addend, and on x86-64 the same assembly assembled to ELF has the same addends in its RELA
 * entries.
 */
class MachOReaderAddendTest {
  @TempDir Path temp;

  @Test
  void x86_64() throws Exception {
    ObjectFile file = read("macho_addends_x86_64.s", X86_64);
    assertRelocations(file, "__text", List.of(
        "X86_64_RELOC_SIGNED _sym 12",
        "X86_64_RELOC_SIGNED_4 _sym -8",
        "X86_64_RELOC_SIGNED_1 _sym -5",
        "X86_64_RELOC_SIGNED_2 _sym -6",
        "X86_64_RELOC_SIGNED _sym 0",
        "X86_64_RELOC_SIGNED section __mydata 11",
        "X86_64_RELOC_SIGNED_2 section __mydata 2",
        "X86_64_RELOC_SIGNED_4 section __mydata 0",
        "X86_64_RELOC_SIGNED section __mydata 7",
        "X86_64_RELOC_BRANCH _sym -4",
        "X86_64_RELOC_BRANCH _sym 4",
        "X86_64_RELOC_BRANCH _sym -4",
        "X86_64_RELOC_GOT_LOAD _sym -4",
        "X86_64_RELOC_GOT _sym -4",
        "X86_64_RELOC_TLV _tlv -4"));
    assertRelocations(file, "__mydata", List.of(
        "X86_64_RELOC_UNSIGNED _sym 5",
        "X86_64_RELOC_UNSIGNED section __mydata 11",
        "X86_64_RELOC_UNSIGNED _sym 7",
        "X86_64_RELOC_UNSIGNED section __mydata 9",
        "X86_64_RELOC_UNSIGNED _f 6",
        "X86_64_RELOC_SUBTRACTOR _f 0",
        "X86_64_RELOC_UNSIGNED section __mydata 10",
        "X86_64_RELOC_SUBTRACTOR _f 0",
        "X86_64_RELOC_UNSIGNED section __mydata 8",
        "X86_64_RELOC_SUBTRACTOR section __mydata 0",
        "X86_64_RELOC_UNSIGNED _f -3",
        "X86_64_RELOC_GOT _sym -4"));
    assertRelocations(file, "__more", List.of(
        "X86_64_RELOC_SIGNED_4 section __mydata 0",
        "X86_64_RELOC_SIGNED section __mydata 7"));
    Symbol absolute = file.symbol("_absolute").orElseThrow();
    assertEquals(Symbol.ABSOLUTE, absolute.section());
    assertEquals(0x1234, absolute.value());
  }

  /**
   * The lines both formats can express, assembled to ELF: its explicit RELA addends are the ones
   * the reader derives. Local labels are {@code .L} there, and the data goes to {@code .data}.
   */
  @Test
  void x86_64AddendsAreElfAddends() throws Exception {
    String source = Files.readString(LlvmTools.resource("macho_addends_x86_64.s"))
        .replaceAll("(?m)^.*Mach-O only.*\n", "")
        .replace("Ldata", ".Ldata")
        .replace(".section __DATA,__mydata", ".data");
    ObjectFile elf = ElfReader.read(assembleText(source, ElfReaderDifferentialTest.X86_64));
    ObjectFile macho = read("macho_addends_x86_64.s", X86_64);
    Map<String, String> sections = Map.of(".text", "__text", ".data", "__mydata");
    for (Map.Entry<String, String> pair : sections.entrySet()) {
      Section elfSection = named(elf, pair.getKey());
      List<String> expected = sorted(elfSection.relocations()).stream()
          .map(r -> r.offset() + " " + target(r.symbol(), sections) + " " + r.addend())
          .toList();
      // The Mach-O-only lines come last, past the end of the ELF section.
      List<String> actual = sorted(named(macho, pair.getValue()).relocations()).stream()
          .filter(r -> r.offset() < elfSection.size())
          .map(r -> r.offset() + " " + target(r.symbol(), Map.of()) + " " + r.addend())
          .toList();
      assertEquals(expected, actual, pair.getValue());
    }
  }

  @Test
  void arm64() throws Exception {
    ObjectFile file = read("macho_addends_arm64.s", ARM64);
    assertRelocations(file, "__text", List.of(
        "ARM64_RELOC_PAGE21 _sym 0",
        "ARM64_RELOC_PAGEOFF12 _sym 0",
        "ARM64_RELOC_PAGE21 _sym 16",
        "ARM64_RELOC_PAGEOFF12 _sym 16",
        "ARM64_RELOC_PAGEOFF12 _sym 4664",
        "ARM64_RELOC_PAGE21 _sym 8388607",
        "ARM64_RELOC_BRANCH26 _sym 0",
        "ARM64_RELOC_BRANCH26 _sym 8",
        "ARM64_RELOC_BRANCH26 _sym 0",
        "ARM64_RELOC_GOT_LOAD_PAGE21 _sym 0",
        "ARM64_RELOC_GOT_LOAD_PAGEOFF12 _sym 0",
        "ARM64_RELOC_PAGE21 ltmp1 8",
        "ARM64_RELOC_PAGEOFF12 ltmp1 12",
        "ARM64_RELOC_TLVP_LOAD_PAGE21 _tlv 0",
        "ARM64_RELOC_TLVP_LOAD_PAGEOFF12 _tlv 0"));
    assertRelocations(file, "__mydata", List.of(
        "ARM64_RELOC_UNSIGNED _sym 5",
        "ARM64_RELOC_UNSIGNED ltmp1 11",
        "ARM64_RELOC_UNSIGNED _sym 7",
        "ARM64_RELOC_SUBTRACTOR _f 0",
        "ARM64_RELOC_UNSIGNED ltmp1 10",
        "ARM64_RELOC_SUBTRACTOR _f 0",
        "ARM64_RELOC_UNSIGNED ltmp1 8",
        "ARM64_RELOC_POINTER_TO_GOT _sym 0"));
    assertEquals(0, file.symbol("ltmp1").orElseThrow().value());
  }

  /**
   * LLVM writes a negative ARM64_RELOC_ADDEND value without masking it to its 24 bits, over the
   * entry's type and flags (a known LLVM bug), which the reader rejects; encoded right, the value
   * is signed.
   */
  @Test
  void arm64NegativeAddends() throws Exception {
    byte[] bytes = assembleText("""
          .text
          adrp x0, _sym-8@PAGE
          add x0, x0, _sym-8@PAGEOFF
          bl _sym-0x800000
        """, ARM64);
    assertMalformed(MachOReader::read, bytes, "relocation 0 of section 1 (__TEXT,__text): a "
        + "negative ARM64_RELOC_ADDEND (-8388608) written over the relocation's type and flags");
    MachOBytes fixed = new MachOBytes(bytes);
    for (int i = 0; i < 6; i += 2) {
      int info = fixed.relocation(1, i, MachOBytes.R_INFO);
      // r_type ARM64_RELOC_ADDEND (10), r_length 2, the addend in r_symbolnum
      fixed.put32(info, 0xa4000000L | fixed.u32(info) & 0xffffff);
    }
    assertRelocations(MachOReader.read(fixed.bytes), "__text", List.of(
        "ARM64_RELOC_PAGE21 _sym -8",
        "ARM64_RELOC_PAGEOFF12 _sym -8",
        "ARM64_RELOC_BRANCH26 _sym -8388608"));
  }

  /** The 8-byte absolute form of ARM64_RELOC_POINTER_TO_GOT, which lld rejects as well. */
  @Test
  void arm64AbsolutePointerToGotIsRejected() throws Exception {
    assertMalformed(MachOReader::read, assembleText("  .data\n  .quad _sym@GOT\n", ARM64),
        "relocation 0 of section 2 (__DATA,__data) (ARM64_RELOC_POINTER_TO_GOT): r_pcrel is 0,"
            + " expected 1");
  }

  private ObjectFile read(String resource, String triple)
      throws IOException, InterruptedException, MalformedObjectException {
    return MachOReader.read(assemble(LlvmTools.resource(resource), triple));
  }

  private byte[] assembleText(String text, String triple)
      throws IOException, InterruptedException {
    Path source = temp.resolve("inline.s");
    Files.writeString(source, text);
    return assemble(source, triple);
  }

  private byte[] assemble(Path source, String triple) throws IOException, InterruptedException {
    return Files.readAllBytes(LlvmTools.compile(source, triple, List.of("-c"), temp, "test"));
  }

  /** The relocations of section {@code name} in offset order, as "type symbol addend". */
  private static void assertRelocations(ObjectFile file, String name, List<String> expected) {
    List<String> actual = sorted(named(file, name).relocations()).stream()
        .map(r -> r.typeName() + " " + target(r.symbol(), Map.of()) + " " + r.addend())
        .toList();
    assertEquals(expected, actual, name);
  }

  /** By offset; a stable sort, which keeps a SUBTRACTOR before its UNSIGNED. */
  private static List<Relocation> sorted(List<Relocation> relocations) {
    return relocations.stream().sorted(Comparator.comparingLong(Relocation::offset)).toList();
  }

  /** The symbol's name, or "section NAME" for a section, with ELF names mapped by {@code names}. */
  private static String target(Symbol symbol, Map<String, String> names) {
    return symbol.type() == Symbol.Type.SECTION
        ? "section " + names.getOrDefault(symbol.name(), symbol.name()) : symbol.name();
  }

  private static Section named(ObjectFile file, String name) {
    return file.sections().stream().filter(s -> s.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no section " + name));
  }
}
