package io.stencil4j.processor.object;

import static io.stencil4j.processor.object.ReaderAssertions.assertSameLines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compiles C with clang-19 for the supported ELF targets and flag sets, and checks that every
 * section, section's contents, symbol and relocation {@link ElfReader} reads is what
 * llvm-readobj-19 prints, and nothing more or less.
 */
class ElfReaderDifferentialTest {
  static final String X86_64 = "x86_64-unknown-linux-gnu";
  static final String AARCH64 = "aarch64-unknown-linux-gnu";

  private static final List<String> COMMON = List.of("-O3", "-c", "-ffreestanding",
      "-fno-asynchronous-unwind-tables", "-fno-builtin", "-fno-stack-protector", "-std=c11");
  static final List<String> X86_64_STENCIL_FLAGS = flags("-fno-plt", "-fno-pic",
      "-mcmodel=medium", "-mlarge-data-threshold=0", "-fno-jump-tables");

  @TempDir Path temp;

  static List<String> flags(String... extra) {
    List<String> flags = new ArrayList<>(COMMON);
    flags.addAll(List.of(extra));
    return flags;
  }

  static Stream<Arguments> variants() {
    List<Arguments> variants = new ArrayList<>();
    List<List<Object>> configurations = List.of(
        List.of(X86_64, X86_64_STENCIL_FLAGS),
        List.of(X86_64, flags("-fno-plt", "-fno-pic", "-mcmodel=medium",
            "-mlarge-data-threshold=0")),
        List.of(X86_64, flags("-fno-plt", "-fno-pic", "-mcmodel=large")),
        List.of(X86_64, flags("-fno-plt", "-fpic")),
        List.of(X86_64, flags("-fno-plt", "-fpic", "-mcmodel=large")),
        List.of(X86_64, flags("-fno-pic")),
        List.of(X86_64, flags("-fno-plt", "-fno-pic", "-mcmodel=medium",
            "-mlarge-data-threshold=0", "-fno-jump-tables", "-ffunction-sections",
            "-fdata-sections")),
        List.of(AARCH64, flags("-fno-plt", "-fpic", "-mno-outline-atomics")),
        List.of(AARCH64, flags("-fpic", "-mno-outline-atomics")),
        List.of(AARCH64, flags("-fno-plt", "-fno-pic", "-mcmodel=large", "-mno-outline-atomics")),
        List.of(AARCH64, flags("-fno-pic", "-mcmodel=tiny", "-mno-outline-atomics")),
        List.of(AARCH64, flags("-fno-plt", "-fpic", "-mno-outline-atomics",
            "-ffunction-sections", "-fdata-sections")));
    for (String source : List.of("stencils.c", "symbols.c")) {
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
    ObjectFile file = assertMatchesReadobj(object, true);
    assertTrue(file.sections().stream().anyMatch(s -> s.kind() == Section.Kind.CODE));
    assertTrue(file.sections().stream().anyMatch(s -> !s.relocations().isEmpty()));
  }

  /** The null-symbol case: llvm-mc emits r_sym 0 for a {@code .reloc} without a symbol. */
  @Test
  void relocationsWithoutSymbol() throws Exception {
    Path object = LlvmTools.compile(LlvmTools.resource("no_symbol.s"), X86_64, List.of("-c"),
        temp, "no_symbol");
    ObjectFile file = assertMatchesReadobj(object, true);
    Relocation relocation = file.sections().stream()
        .flatMap(s -> s.relocations().stream())
        .filter(r -> r.typeName().equals("R_X86_64_64"))
        .findFirst().orElseThrow();
    assertEquals(0, relocation.symbol().index());
    assertEquals("", relocation.symbol().name());
    assertEquals(Symbol.UNDEFINED, relocation.symbol().section());
    assertEquals(5, relocation.addend());
  }

  /**
   * More sections than fit in e_shnum (SHN_LORESERVE = 0xff00): the count moves to section 0's
   * sh_size, and symbols in the high sections get SHN_XINDEX plus an SHT_SYMTAB_SHNDX entry.
   */
  @Test
  void extendedSectionNumbering() throws Exception {
    int functions = 33_000;
    StringBuilder asm = new StringBuilder();
    for (int i = 0; i < functions; i++) {
      asm.append(".section .text.f").append(i).append(",\"ax\",@progbits\n")
          .append(".globl f").append(i).append("\nf").append(i).append(":\n")
          .append("  call f").append((i + 1) % functions).append("\n");
    }
    Path source = temp.resolve("many_sections.s");
    Files.writeString(source, asm);
    Path object = LlvmTools.compile(source, X86_64, List.of("-c"), temp, "many_sections");
    // Section contents are left out: as JSON byte lists they would take gigabytes to compare.
    ObjectFile file = assertMatchesReadobj(object, false);
    assertTrue(file.sections().size() > 0xff00, "sections: " + file.sections().size());
    Symbol last = file.symbol("f" + (functions - 1)).orElseThrow();
    assertTrue(last.section() > 0xff00, "section of " + last);
    assertEquals(".text.f" + (functions - 1), file.section(last.section()).name());
  }

  static ObjectFile assertMatchesReadobj(Path object, boolean withContents)
      throws IOException, InterruptedException, MalformedObjectException {
    List<String> options = new ArrayList<>(List.of("--elf-output-style=JSON", "--file-headers",
        "--sections", "--symbols", "--relocations"));
    if (withContents) {
      options.add("--section-data");
    }
    Listing expected = Listing.ofReadobj(LlvmTools.readobj(object, options), withContents);
    ObjectFile file = ElfReader.read(Files.readAllBytes(object));
    Listing actual = Listing.of(file);
    assertSameLines("header", expected.header(), actual.header());
    assertSameLines("sections", expected.sections(), actual.sections());
    if (withContents) {
      assertSameLines("section contents", expected.contents(), actual.contents());
    }
    assertSameLines("symbols", expected.symbols(), actual.symbols());
    assertSameLines("relocations", expected.relocations(), actual.relocations());
    for (Section section : file.sections()) {
      assertEquals(expectedKind(section.type(), section.flags()), section.kind(),
          section.toString());
    }
    return file;
  }

  /** The kind rule, restated: by type and flags, never by name. */
  private static Section.Kind expectedKind(long type, long flags) {
    boolean alloc = (flags & 0x2) != 0;
    boolean exec = (flags & 0x4) != 0;
    if (type == 0 || !alloc) {
      return Section.Kind.OTHER;
    }
    if ((flags & 0x400) != 0) {
      return Section.Kind.THREAD_LOCAL;
    }
    if (exec) {
      return Section.Kind.CODE;
    }
    return type == 8 ? Section.Kind.ZERO_FILL : Section.Kind.DATA;
  }

}
