package io.stencil4j.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The inputs record that a build tool compares with the files on disk: every file the stencils
 * were built from, headers included, with its contents' digest, and every file built from them.
 */
class InputsRecordTest {
  private static final Pattern INPUT = Pattern.compile("input ([0-9a-f]{64}) (file:\\S+)");

  @TempDir Path root;
  @TempDir Path output;

  @Test
  void namesEveryInputWithItsDigestAndEveryOutput() throws IOException {
    new StencilFixture(root)
        .file("calc.h", "#define STEP 3\n")
        .file("calc_cases.c", StencilFixture.CASES.replace("acc +=", "acc += STEP *"))
        .file("calc.c", StencilFixture.TEMPLATE.replace("#include <stdint.h>",
            "#include <stdint.h>\n#include \"calc.h\""))
        .option("-Astencil.cache=none")
        .builtInto(output);
    List<String> lines =
        Files.readAllLines(output.resolve("generated/demo/CalcStencils.stencil-inputs"));

    assertThat(lines.subList(0, 2)).containsExactly(InputsRecord.FORMAT, "interface demo.Calc")
        .inOrder();
    assertThat(lines).containsAtLeast(input("calc.c"), input("calc_cases.c"), input("calc.h"));
    // the compiler's own headers too (stdint.h), each as it is now
    List<String> inputs = lines.stream().filter(l -> l.startsWith("input ")).toList();
    assertThat(inputs.size()).isGreaterThan(3);
    for (String line : inputs) {
      Matcher input = INPUT.matcher(line);
      assertThat(input.matches()).isTrue();
      assertThat(sha256(Path.of(URI.create(input.group(2))))).isEqualTo(input.group(1));
    }
    assertThat(lines.stream().filter(l -> l.startsWith("output ")).toList()).containsExactly(
        output("classes/demo/Calc.class"), output("classes/demo/CalcStencils.class"),
        output("generated/demo/CalcStencils.java"),
        output("generated/demo/calc-x86_64-unknown-linux-gnu.h"),
        output("generated/demo/calc.h")).inOrder();
    assertThat(lines).hasSize(2 + inputs.size() + 5);
  }

  @Test
  void aBuildFromSnapshotsNamesThemAndTheHeadersTheyRecord(@TempDir Path snapshots,
      @TempDir Path withClang) throws IOException {
    StencilFixture fixture = new StencilFixture(root)
        .file("calc.h", "#define STEP 3\n")
        .file("calc_cases.c", StencilFixture.CASES.replace("acc +=", "acc += STEP *"))
        .file("calc.c", "#include \"calc.h\"\n" + StencilFixture.TEMPLATE)
        .option("-Astencil.cache=none").option("-Astencil.snapshot=" + snapshots);
    fixture.builtInto(withClang);
    fixture.option("-Astencil.clang=" + root.resolve("no-clang")).builtInto(output);
    List<String> lines =
        Files.readAllLines(output.resolve("generated/demo/CalcStencils.stencil-inputs"));

    // the compiler's own headers belong to the compiler the snapshot names: not inputs here
    assertThat(lines.stream().filter(l -> l.startsWith("input ")).toList()).containsExactly(
        input("calc.c"), input("calc.h"), input("calc_cases.c"),
        "input " + sha256(snapshots.resolve("calc-x86_64-unknown-linux-gnu.snapshot")) + " "
            + snapshots.resolve("calc-x86_64-unknown-linux-gnu.snapshot").toUri());
  }

  @Test
  void noneWhenJavacKeepsItsOutputInMemory() {
    Compilation compilation = new StencilFixture(root).compile();

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation.generatedFiles().stream().map(f -> f.getName()).toList()
        .toString()).doesNotContain(".stencil-inputs");
  }

  private String input(String name) throws IOException {
    Path file = root.resolve(name);
    return "input " + sha256(file) + " " + file.toUri();
  }

  private String output(String name) {
    return "output " + output.resolve(name).toUri();
  }

  private static String sha256(Path file) throws IOException {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(Files.readAllBytes(file)));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
