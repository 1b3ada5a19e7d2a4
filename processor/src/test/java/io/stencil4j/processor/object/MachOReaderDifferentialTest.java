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
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compiles C and assembly with clang-19 for the Mach-O targets and flag sets, and checks that
 * every section, section's contents, symbol and relocation {@link MachOReader} reads is what
 * llvm-readobj-19 prints, and nothing more or less.
 */
class MachOReaderDifferentialTest {
  static final String X86_64 = "x86_64-apple-darwin";
  static final String ARM64 = "aarch64-apple-darwin";
  // Thread-local variables need a deployment target: clang rejects them for bare "darwin".
  private static final String X86_64_MACOS = "x86_64-apple-macos11";
  private static final String ARM64_MACOS = "arm64-apple-macos11";

  @TempDir Path temp;

  static List<String> flags(String... extra) {
    List<String> flags = new ArrayList<>(List.of("-O3", "-c", "-std=c11", "-ffreestanding",
        "-fno-builtin", "-fno-asynchronous-unwind-tables", "-fno-stack-protector",
        "-fno-common"));
    flags.addAll(List.of(extra));
    return flags;
  }

  static Stream<Arguments> variants() {
    List<Arguments> variants = new ArrayList<>();
    for (String triple : List.of(X86_64, ARM64)) {
      for (List<String> flags : List.of(flags(), flags("-fno-plt"), flags("-mcmodel=large"),
          flags("-ffunction-sections"), flags("-fasynchronous-unwind-tables"))) {
        variants.add(Arguments.of("stencils.c", triple, flags));
      }
    }
    variants.add(Arguments.of("macho_symbols.c", X86_64_MACOS, flags()));
    variants.add(Arguments.of("macho_symbols.c", ARM64_MACOS, flags()));
    variants.add(Arguments.of("macho_addends_x86_64.s", X86_64, List.of("-c")));
    variants.add(Arguments.of("macho_addends_arm64.s", ARM64, List.of("-c")));
    return variants.stream();
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("variants")
  void matchesReadobj(String source, String triple, List<String> flags) throws Exception {
    Path object = LlvmTools.compile(LlvmTools.resource(source), triple, flags, temp, "test");
    ObjectFile file = assertMatchesReadobj(object);
    assertTrue(file.sections().stream().anyMatch(s -> s.kind() == Section.Kind.CODE));
    assertTrue(file.sections().stream().anyMatch(s -> !s.relocations().isEmpty()));
  }

  static ObjectFile assertMatchesReadobj(Path object)
      throws IOException, InterruptedException, MalformedObjectException {
    MachOListing expected = MachOListing.ofReadobj(LlvmTools.readobj(object, List.of(
        "--file-headers", "--sections", "--section-data", "--symbols", "--relocations",
        "--expand-relocs")));
    ObjectFile file = MachOReader.read(Files.readAllBytes(object));
    MachOListing actual = MachOListing.of(file);
    assertSameLines("header", expected.header(), actual.header());
    assertSameLines("sections", expected.sections(), actual.sections());
    assertSameLines("section contents", expected.contents(), actual.contents());
    assertSameLines("symbols", expected.symbols(), actual.symbols());
    assertSameLines("relocations", expected.relocations(), actual.relocations());
    for (Section section : file.sections()) {
      assertEquals(MachOListing.kind(section.flags()), section.kind(), section.toString());
      if (MachOListing.isZeroFill(section.type())) {
        assertEquals(0, section.bytes().length, section.toString());
      }
    }
    return file;
  }
}
