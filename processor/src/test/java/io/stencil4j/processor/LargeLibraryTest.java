package io.stencil4j.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import io.stencil4j.model.StencilGroup;
import io.stencil4j.model.StencilLibrary;
import io.stencil4j.model.Triple;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A library with more than 1 MiB of machine code: the generated class compiles despite the
 * class-file limits, and the stencils it decodes equal, byte for byte, those of the C header
 * (an independent rendering of the same stencils).
 */
class LargeLibraryTest {
  private static final int CASES = 16;

  @Test
  void moreThanOneMebibyteOfCodeRoundTrips(@TempDir Path root) throws Exception {
    // every byte value, so the literal encoding meets quotes, backslashes, NULs and high bytes
    StringBuilder allBytes = new StringBuilder();
    for (int b = 0; b < 256; b++) {
      allBytes.append(b == 0 ? "" : ", ").append(b);
    }
    StringBuilder cases = new StringBuilder();
    for (int i = 0; i < CASES; i++) {
      cases.append("case BIG_").append(i).append(": {\n    __asm__ volatile(\".rept ")
          .append(256 + i).append("\\n.byte ").append(allBytes).append("\\n.endr\");\n")
          .append("    break;\n}\n");
    }
    StencilFixture fixture = new StencilFixture(root)
        .file("calc_cases.c", cases.toString())
        .edit("void add(long value);\n\n  void negate();", "");
    Compilation compilation = fixture.compile();
    assertThat(compilation).succeeded();

    StencilLibrary library = load(compilation);
    String header = compilation.generatedFile(StandardLocation.SOURCE_OUTPUT, "demo",
        "calc-x86_64-unknown-linux-gnu.h").orElseThrow().getCharContent(true).toString();
    long total = 0;
    for (StencilGroup stencil : library.stencils()) {
      assertThat(stencil.code()).isEqualTo(headerArray(header, "calc_" + stencil.name() + "_code"));
      total += stencil.codeSize();
    }
    assertThat(library.stencils()).hasSize(CASES);
    assertThat(total).isAtLeast(1L << 20);
  }

  /** Loads the generated entry class from the compilation's output and asks it for x86-64. */
  private static StencilLibrary load(Compilation compilation) throws Exception {
    Class<?> entry = new GeneratedClasses(compilation, "demo").loadClass("demo.CalcStencils");
    return (StencilLibrary) entry.getMethod("forTriple", Triple.class)
        .invoke(null, Triple.X86_64_UNKNOWN_LINUX_GNU);
  }

  private static byte[] headerArray(String header, String name) throws IOException {
    Matcher array = Pattern.compile("static const unsigned char " + name
        + "\\[\\d+\\] = \\{([^}]*)\\};").matcher(header);
    assertThat(array.find()).isTrue();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Matcher hex = Pattern.compile("0x([0-9a-f]{2})").matcher(array.group(1));
    while (hex.find()) {
      bytes.write(Integer.parseInt(hex.group(1), 16));
    }
    return bytes.toByteArray();
  }
}
