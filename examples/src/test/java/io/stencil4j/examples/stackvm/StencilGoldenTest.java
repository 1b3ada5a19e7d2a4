package io.stencil4j.examples.stackvm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.stencil4j.model.Triple;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The stack VM's and the register VM's stencils as they are built today, checked in per triple (sizes and
 * disassembly, as CPython checks in its JIT's stencils), so that any change to the code the
 * processor makes shows in a diff. After an intended change, run the examples' tests with
 * {@code -Dstencil4j.golden.update=true} and commit the files under {@code src/test/golden}.
 */
class StencilGoldenTest {
  private static final Path HEADERS = Path.of(System.getProperty("stencil.headers"));
  private static final Path GOLDEN = Path.of(System.getProperty("stencil.test.c"))
      .resolveSibling("golden");

  static Stream<Arguments> headers() {
    return Stream.of("stack_vm", "register_vm").flatMap(library -> Arrays.stream(Triple.values())
        .map(triple -> Arguments.of(library, triple)));
  }

  @ParameterizedTest
  @MethodSource("headers")
  void theStencilsAreTheCheckedInOnes(String library, Triple triple) throws IOException {
    String name = library + "-" + triple.triple();
    String built = summary(library, Files.readAllLines(HEADERS.resolve(name + ".h")));
    Path golden = GOLDEN.resolve(name + ".txt");
    if (Boolean.getBoolean("stencil4j.golden.update")) {
      Files.createDirectories(GOLDEN);
      Files.writeString(golden, built);
    }
    assertEquals(Files.readString(golden), built, name + " differs from " + golden
        + "; if the change is intended, rerun with -Dstencil4j.golden.update=true");
  }

  /**
   * Each stencil's sizes and its disassembly (the object's, before the trailing jump is cut),
   * from the header's sections, which start with a comment naming the stencil.
   */
  private static String summary(String library, List<String> header) {
    List<String> kept = new ArrayList<>();
    boolean inStencil = false;
    for (String line : header) {
      if (line.matches("// [A-Z][A-Z0-9_]*")) {
        inStencil = true;
        kept.add("");
        kept.add(line);
      } else if (line.startsWith("static inline int " + library + "_emit_")) {
        inStencil = false;
      } else if (inStencil && (line.startsWith("#define") || line.startsWith("// "))) {
        kept.add(line);
      }
    }
    return String.join("\n", kept).strip() + "\n";
  }
}
