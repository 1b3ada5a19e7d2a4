package io.stencil4j.processor.object;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compiles C with clang-19 for the three Windows targets and several flag sets, and checks that
 * every section, section's contents, symbol and relocation {@link CoffReader} reads is what
 * llvm-readobj-19 prints, and nothing more or less. Addends are not compared here: readobj does
 * not decode COFF's implicit addends ({@link CoffReaderAddendTest} checks them).
 */
class CoffReaderDifferentialTest {
  static final String X86_64 = "x86_64-pc-windows-msvc";
  static final String I686 = "i686-pc-windows-msvc";
  static final String AARCH64 = "aarch64-pc-windows-msvc";

  static final List<String> X86_64_FLAGS = flags("-fms-runtime-lib=dll");
  static final List<String> I686_FLAGS = flags();
  // -fplt: with -fno-plt, clang 19 drops the __imp_ prefix of dllimport calls on arm64.
  static final List<String> AARCH64_FLAGS = flags("-fms-runtime-lib=dll", "-fplt");

  private static final List<String> SEPARATE_SECTIONS_AND_DEBUG_INFO =
      List.of("-ffunction-sections", "-fdata-sections", "-g");

  @TempDir Path temp;

  /** The differential tests' common flags, plus {@code extra}. */
  static List<String> flags(String... extra) {
    // symbols.c's hidden visibility means nothing on COFF, and i686 ignores preserve_none.
    List<String> flags = new ArrayList<>(ElfReaderDifferentialTest.flags("-fno-common",
        "-Wno-ignored-attributes"));
    flags.addAll(List.of(extra));
    return flags;
  }

  private static List<String> plus(List<String> flags, List<String> extra) {
    List<String> all = new ArrayList<>(flags);
    all.addAll(extra);
    return all;
  }

  static Stream<Arguments> variants() {
    List<List<Object>> configurations = List.of(
        List.of(X86_64, X86_64_FLAGS),
        List.of(X86_64, plus(X86_64_FLAGS, List.of("-mcmodel=large"))),
        List.of(X86_64, plus(X86_64_FLAGS, SEPARATE_SECTIONS_AND_DEBUG_INFO)),
        List.of(I686, I686_FLAGS),
        List.of(I686, plus(I686_FLAGS, SEPARATE_SECTIONS_AND_DEBUG_INFO)),
        List.of(AARCH64, AARCH64_FLAGS),
        List.of(AARCH64, plus(AARCH64_FLAGS, SEPARATE_SECTIONS_AND_DEBUG_INFO)));
    List<Arguments> variants = new ArrayList<>();
    for (String source : List.of("stencils.c", "symbols.c", "dllimport_stencils.c")) {
      for (List<Object> configuration : configurations) {
        variants.add(Arguments.of(source, configuration.get(0), configuration.get(1)));
      }
    }
    return variants.stream();
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("variants")
  void matchesReadobj(String source, String triple, List<String> flags) throws Exception {
    Path object = LlvmTools.compile(LlvmTools.resource(source), triple, flags, temp, "test");
    ObjectFile file = assertMatchesReadobj(object);
    assertEquals(ObjectFile.Format.COFF, file.format());
    assertTrue(file.sections().stream().anyMatch(s -> s.kind() == Section.Kind.CODE));
    assertTrue(file.sections().stream().anyMatch(s -> !s.relocations().isEmpty()));
  }

  /**
   * More than 65,535 relocations in one section: NumberOfRelocations is 0xFFFF, the section has
   * IMAGE_SCN_LNK_NRELOC_OVFL, and the count is in an extra first relocation entry.
   */
  @Test
  void relocationCountOverflow() throws Exception {
    int count = 70_000;
    Path source = temp.resolve("many_relocations.s");
    Files.writeString(source, "  .data\n" + "  .quad external\n".repeat(count));
    Path object = LlvmTools.compile(source, X86_64, List.of("-c"), temp, "many_relocations");
    ObjectFile file = assertMatchesReadobj(object);
    Section data = file.sections().stream().filter(s -> s.name().equals(".data")).findFirst()
        .orElseThrow();
    assertEquals(0x01000000, data.flags() & 0x01000000, "IMAGE_SCN_LNK_NRELOC_OVFL");
    assertEquals(count, data.relocations().size());
    assertEquals((count - 1) * 8L, data.relocations().get(count - 1).offset());
  }

  /**
   * Section names at string table offsets above 9,999,999 are written "//" and six base-64
   * digits rather than "/" and decimal digits.
   */
  @Test
  void base64LongSectionNames() throws Exception {
    int sections = 1100;
    String padding = "x".repeat(10_000);
    StringBuilder asm = new StringBuilder();
    for (int i = 0; i < sections; i++) {
      asm.append(".section .data.").append(padding).append(i).append(",\"dw\"\n  .byte ")
          .append(i & 0xff).append('\n');
    }
    Path source = temp.resolve("long_names.s");
    Files.writeString(source, asm);
    Path object = LlvmTools.compile(source, X86_64, List.of("-c"), temp, "long_names");
    CoffBytes coff = new CoffBytes(Files.readAllBytes(object));
    assertTrue(coff.stringTableSize() > 10_000_000, "string table: " + coff.stringTableSize());
    long base64 = IntStream.rangeClosed(1, coff.sectionCount())
        .filter(n -> coff.bytes[coff.header(n, CoffBytes.NAME) + 1] == '/').count();
    assertTrue(base64 > 0, "no //-named sections");
    assertMatchesReadobj(object);
  }

  static ObjectFile assertMatchesReadobj(Path object)
      throws IOException, InterruptedException, MalformedObjectException {
    Listing expected = Listing.ofCoffReadobj(LlvmTools.readobj(object,
        List.of("--elf-output-style=JSON", "--file-headers", "--sections", "--section-data",
            "--section-relocations", "--expand-relocs", "--symbols")));
    ObjectFile file = CoffReader.read(Files.readAllBytes(object));
    Listing actual = Listing.of(file, false);
    actual.assertMatches(expected);
    for (Section section : file.sections()) {
      assertEquals(expectedKind(section.flags()), section.kind(), section.toString());
      // Uninitialized data has no bytes in the file; everything else has all of them.
      long contents = (section.flags() & 0x80) != 0 ? 0 : section.size();
      assertEquals(contents, section.bytes().length, section.toString());
    }
    return file;
  }

  /** The kind rule, restated: by Characteristics, never by name. */
  static Section.Kind expectedKind(long characteristics) {
    boolean notLoaded = (characteristics & (0x800 | 0x200 | 0x02000000)) != 0;
    boolean code = (characteristics & (0x20000000 | 0x20)) != 0;
    if (notLoaded) {
      return Section.Kind.OTHER;
    }
    if (code) {
      return Section.Kind.CODE;
    }
    if ((characteristics & 0x80) != 0) {
      return Section.Kind.ZERO_FILL;
    }
    return (characteristics & 0x40000000) != 0 ? Section.Kind.DATA : Section.Kind.OTHER;
  }
}
