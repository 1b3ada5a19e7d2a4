package io.stencil4j.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.stream.Stream;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line writes the same C headers as the annotation processor. */
class StencilCliTest {
  @TempDir Path root;
  @TempDir Path output;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return StencilCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void writesTheHeadersTheProcessorWrites() throws Exception {
    StencilFixture fixture = new StencilFixture(root).option("-Astencil.cache=none");
    Compilation compilation = fixture.compile();
    assertThat(compilation).succeeded();

    int exit = run("--template", root.resolve("calc.c").toString(),
        "--cases", root.resolve("calc_cases.c").toString(), "--header", "calc",
        "--output", output.toString(), "--cache", "none");
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    assertThat(exit).isEqualTo(0);
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("stencil4j: 2 stencils x 1 "
        + "triples: 2 compiled in 1 compiler runs, 0 from the cache; wrote "
        + "calc-x86_64-unknown-linux-gnu.h, calc.h\n");
    for (String name : new String[] {"calc.h", "calc-x86_64-unknown-linux-gnu.h"}) {
      String fromJavac = compilation.generatedFile(StandardLocation.SOURCE_OUTPUT, "demo", name)
          .orElseThrow().getCharContent(true).toString();
      assertThat(Files.readString(output.resolve(name))).isEqualTo(fromJavac);
    }
  }

  @Test
  void compilerWarningsGoToStandardError() {
    new StencilFixture(root).file("calc_cases.c", StencilFixture.CASES.replace(
        "    acc = -acc;\n", "#warning \"check NEGATE\"\n    acc = -acc;\n"));
    int exit = run("--template", root.resolve("calc.c").toString(),
        "--cases", root.resolve("calc_cases.c").toString(), "--header", "calc",
        "--output", output.toString(), "--cache", "none");
    assertThat(exit).isEqualTo(0);
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("stencil4j: warning (--cases): "
        + "clang warned on case NEGATE for x86_64-unknown-linux-gnu:\n" + root.resolve("calc_cases.c")
        + ":6:2: warning: \"check NEGATE\" [-W#warnings]\n    6 | #warning \"check NEGATE\"\n"
        + "      |  ^\n");
  }

  private int runCalc() {
    return run("--template", root.resolve("calc.c").toString(),
        "--cases", root.resolve("calc_cases.c").toString(), "--header", "calc",
        "--output", output.toString(), "--cache", "none");
  }

  @Test
  void headersAreAsReadableAsAnyNewFile() throws IOException {
    new StencilFixture(root);
    assertThat(runCalc()).isEqualTo(0);
    // a file created the ordinary way gets the umask's permissions, e.g. rw-r--r--
    Set<PosixFilePermission> ordinary =
        Files.getPosixFilePermissions(Files.writeString(output.resolve("ordinary"), ""));
    for (String name : new String[] {"calc.h", "calc-x86_64-unknown-linux-gnu.h"}) {
      assertThat(Files.getPosixFilePermissions(output.resolve(name))).isEqualTo(ordinary);
    }
  }

  @Test
  void aFailedBuildLeavesNoHeaderOfAnEarlierOne() throws IOException {
    StencilFixture fixture = new StencilFixture(root);
    assertThat(runCalc()).isEqualTo(0);
    fixture.file("calc_cases.c", StencilFixture.CASES.replace("acc = -acc;", "acc = -acc +;"));
    assertThat(runCalc()).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("stencil4j: error (--cases): "
        + "clang failed on case NEGATE for x86_64-unknown-linux-gnu:\n");
    try (Stream<Path> files = Files.list(output)) {
      assertThat(files.toList()).isEmpty();
    }
  }

  @Test
  void badInputIsOneErrorNamingTheOption() {
    new StencilFixture(root);
    int exit = run("--template", root.resolve("calc.c").toString(), "--header", "calc",
        "--output", output.toString(), "--triple", "sparc-sun");
    assertThat(exit).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo("stencil4j: error (--triple): unknown triple \"sparc-sun\"\n");
  }

  @Test
  void caseNamedCountIsOneError() {
    new StencilFixture(root).file("calc_cases.c", StencilFixture.CASES.replace("ADD", "COUNT"));
    assertThat(runCalc()).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("stencil4j: error (--cases): "
        + root.resolve("calc_cases.c") + ":1: case name COUNT would clash with the C header's "
        + "enumerator HEADER_STENCIL_COUNT: rename the case\n");
  }

  @Test
  void headerWithADashIsOneError() {
    new StencilFixture(root);
    int exit = run("--template", root.resolve("calc.c").toString(), "--header", "stack-vm",
        "--output", output.toString());
    assertThat(exit).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("stencil4j: error (--header): "
        + "header \"stack-vm\" must be a lower-case C identifier that starts with a letter (it "
        + "names the files and prefixes the C names)\n");
  }

  @Test
  void missingRequiredOptionsPrintTheUsage() {
    assertThat(run("--template", "calc.c")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith("stencil4j: --header is required\nusage: stencil4j --template FILE");
  }
}
