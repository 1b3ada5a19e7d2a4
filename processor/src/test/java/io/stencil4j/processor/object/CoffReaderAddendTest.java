package io.stencil4j.processor.object;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The implicit addends {@link CoffReader} decodes, against references whose offsets are known
 * because they are written in the assembly source (the expectations sit next to each line), and
 * against instruction immediates the assembler encoded for known distances.
 */
class CoffReaderAddendTest {
  private static final Pattern EXPECTATION =
      Pattern.compile("=> (IMAGE_REL_\\w+) (\\S+) (-?(?:0x)?\\p{XDigit}+)");

  @TempDir Path temp;

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      CoffReaderDifferentialTest.X86_64 + ", coff_addends_x86_64.s",
      CoffReaderDifferentialTest.I686 + ", coff_addends_i686.s",
      CoffReaderDifferentialTest.AARCH64 + ", coff_addends_aarch64.s"})
  void addendsAreTheOffsetsInTheSource(String triple, String source) throws Exception {
    Path path = LlvmTools.resource(source);
    List<String> expected = new ArrayList<>();
    for (String line : Files.readAllLines(path)) {
      Matcher m = EXPECTATION.matcher(line);
      if (m.find()) {
        expected.add(m.group(1) + " " + m.group(2) + " " + Long.decode(m.group(3)));
      }
    }
    ObjectFile file = read(LlvmTools.compile(path, triple, List.of("-c"), temp, "addends"));
    List<String> actual = file.sections().stream()
        .flatMap(s -> s.relocations().stream())
        .map(r -> r.typeName() + " " + r.symbol().name() + " " + r.addend())
        .toList();
    assertEquals(expected, actual);
  }

  /**
   * MSVC marks a displacement followed by N bytes of immediate as {@code REL32_N} and stores the
   * plain offset; LLVM uses {@code REL32} and folds N into the stored value. Both mean the same
   * reference, so both must give the same addend.
   */
  @Test
  void rel32WithImmediateIsRel32N() throws Exception {
    CoffBytes coff = compile(CoffReaderDifferentialTest.X86_64, "movl $5, sym+8(%rip)");
    int text = coff.number(".text");
    Relocation llvm = CoffReader.read(coff.bytes).section(text).relocations().get(0);
    assertEquals("IMAGE_REL_AMD64_REL32", llvm.typeName());
    assertEquals(0, llvm.addend()); // sym+8, counted from the end of the 4-byte immediate
    int field = coff.contents(text, llvm.offset());
    for (int n = 1; n <= 5; n++) {
      coff.put16(coff.relocation(text, 0, CoffBytes.RELOCATION_TYPE), 4 + n).put32(field, 8);
      Relocation msvc = CoffReader.read(coff.bytes).section(text).relocations().get(0);
      assertEquals("IMAGE_REL_AMD64_REL32_" + n, msvc.typeName());
      assertEquals(4 - n, msvc.addend(), "REL32_" + n + " with 8 stored");
    }
  }

  /**
   * LLVM never writes an offset into a relocated ARM64 branch, but the format allows it: the
   * words of instructions assembled with known distances (at the limits of their fields) are
   * copied over relocated ones.
   */
  @Test
  void arm64BranchImmediates() throws Exception {
    String relocated = String.join("\n", "b sym", "bl sym", "b.eq sym", "cbz x0, sym",
        "tbz x0, #3, sym", "adr x0, sym");
    String known = String.join("\n", "b .-8", "bl .+0x7fffffc", "b.eq .-4",
        "cbz x0, .+0xffffc", "tbz x0, #3, .-0x8000", "adr x0, .-0x100000");
    long[] distances = {-8, 0x7fffffc, -4, 0xffffc, -0x8000, -0x100000};
    CoffBytes coff = compile(CoffReaderDifferentialTest.AARCH64, relocated);
    CoffBytes words = compile(CoffReaderDifferentialTest.AARCH64, known);
    int text = coff.number(".text");
    int wordsText = words.number(".text");
    for (int i = 0; i < distances.length; i++) {
      coff.put32(coff.contents(text, 4L * i), words.u32(words.contents(wordsText, 4L * i)));
    }
    List<Relocation> relocations = CoffReader.read(coff.bytes).section(text).relocations();
    assertEquals(distances.length, relocations.size());
    for (int i = 0; i < distances.length; i++) {
      assertEquals(distances[i], relocations.get(i).addend(), relocations.get(i).typeName());
    }
  }

  private CoffBytes compile(String triple, String text) throws Exception {
    Path source = temp.resolve("snippet.s");
    Files.writeString(source, "  .text\n" + text + "\n");
    return new CoffBytes(Files.readAllBytes(
        LlvmTools.compile(source, triple, List.of("-c"), temp, "snippet")));
  }

  private static ObjectFile read(Path object) throws Exception {
    return CoffReader.read(Files.readAllBytes(object));
  }
}
