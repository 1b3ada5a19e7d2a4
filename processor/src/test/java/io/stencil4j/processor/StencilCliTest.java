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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

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
        .isEqualTo("stencil4j: error (--triple): unknown triple \"sparc-sun\"; known: "
            + "x86_64-unknown-linux-gnu, aarch64-unknown-linux-gnu, x86_64-apple-darwin, "
            + "aarch64-apple-darwin, x86_64-pc-windows-msvc, i686-pc-windows-msvc, "
            + "aarch64-pc-windows-msvc\n");
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

  @Test
  void aMisspeltOptionIsAUsageErrorWithTheClosestOption() {
    assertThat(run("--templat", "calc.c", "--header", "calc", "--output", "out")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("stencil4j: unknown option "
        + "--templat; did you mean --template?\nusage: stencil4j --template FILE");
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void anUnknownOptionFarFromAnyIsAUsageError() {
    assertThat(run("--template", "calc.c", "--optimize", "--header", "calc")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith("stencil4j: unknown option --optimize\nusage: ");
  }

  @Test
  void aSingleValuedOptionGivenTwiceIsAUsageError() {
    assertThat(run("--template", "a.c", "--header", "a", "--header", "b", "--output", "o"))
        .isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith("stencil4j: --header is given twice\nusage: ");
  }

  @Test
  void aSwitchWithAValueIsAUsageError() {
    assertThat(run("--isolated=yes")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith("stencil4j: --isolated takes no value\nusage: ");
  }

  @Test
  void aPositionalArgumentIsAUsageError() {
    assertThat(run("calc.c")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("stencil4j: unexpected argument "
        + "\"calc.c\" (every argument is an --option)\nusage: ");
  }

  @Test
  void helpDescribesEveryOptionOnStandardOutput() {
    assertThat(run("--help")).isEqualTo(0);
    String help = out.toString(StandardCharsets.UTF_8);
    for (String option : new String[] {"--template", "--cases", "--shim", "--header", "--output",
        "--triple", "--include", "--define", "--flag", "--case-pattern", "--clang", "--gcc",
        "--cache", "--snapshot", "--isolated", "--timeout", "--version"}) {
      assertThat(help).contains(option);
    }
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    assertThat(run("-h")).isEqualTo(0);
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(help + help);
  }

  @Test
  void versionNamesTheCodeThatBuildsTheStencils() {
    assertThat(run("--version")).isEqualTo(0);
    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo("stencil4j " + Stencil4jVersion.current() + "\n");
  }

  @Test
  void anOutputThatIsAFileIsOneErrorBeforeAnyCompile() throws IOException {
    new StencilFixture(root);
    Path file = Files.writeString(root.resolve("not-a-directory"), "");
    assertThat(run("--template", root.resolve("calc.c").toString(), "--cases",
        root.resolve("calc_cases.c").toString(), "--header", "calc", "--output",
        file.toString(), "--clang", "/nonexistent/clang")).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("stencil4j: error (--output): "
        + "output " + file + " is not a directory\n");
  }

  /**
   * Library values that javac rejects in {@code @Stencil} and the command line rejects as an
   * option: the same validation, so the same message.
   */
  static Stream<Arguments> badLibraryValues() {
    return Stream.of(
        Arguments.of("triples = \"sparc-sun\"", List.of("--triple", "sparc-sun")),
        Arguments.of("triples = {\"x86_64-apple-darwin\", \"x86_64-apple-darwin\"}",
            List.of("--triple", "x86_64-apple-darwin", "--triple", "x86_64-apple-darwin")),
        Arguments.of("defines = \"1X=2\"", List.of("--define", "1X=2")),
        Arguments.of("flags = \"-o\"", List.of("--flag", "-o")),
        Arguments.of("flags = \"--target=arm64-apple-macos\"",
            List.of("--flag", "--target=arm64-apple-macos")),
        Arguments.of("casePattern = \"case (\"", List.of("--case-pattern", "case (")),
        Arguments.of("casePattern = \"case \\\\w+:\"", List.of("--case-pattern", "case \\w+:")),
        Arguments.of("includes = \"ROOT/calc.c\"", List.of("--include", "ROOT/calc.c")),
        Arguments.of("includes = \"ROOT/missing\"", List.of("--include", "ROOT/missing")),
        Arguments.of("shim = \"ROOT\"", List.of("--shim", "ROOT")));
  }

  @ParameterizedTest
  @MethodSource("badLibraryValues")
  void rejectsWhatTheProcessorRejectsWithTheSameMessage(String annotationValue,
      List<String> options) {
    StencilFixture fixture = new StencilFixture(root).option("-Astencil.cache=none")
        .edit("cases = \"calc_cases.c\"", "cases = \"calc_cases.c\", header = \"calc\", "
            + annotationValue.replace("ROOT", root.toString()));
    List<Diagnostic<? extends JavaFileObject>> errors = fixture.compileInto(output).stream()
        .filter(d -> d.getKind() == Diagnostic.Kind.ERROR).toList();
    assertThat(errors).hasSize(1);

    List<String> args = new ArrayList<>(List.of("--template", root.resolve("calc.c").toString(),
        "--cases", root.resolve("calc_cases.c").toString(), "--header", "calc", "--output",
        output.resolve("cli").toString(), "--cache", "none"));
    options.forEach(option -> args.add(option.replace("ROOT", root.toString())));
    assertThat(run(args.toArray(String[]::new))).isEqualTo(1);
    String option = options.get(0);
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("stencil4j: error (" + option
        + "): " + errors.get(0).getMessage(Locale.ROOT) + "\n");
  }

  @Test
  void anInvalidHeaderNameIsRejectedAsByTheProcessor() {
    StencilFixture fixture = new StencilFixture(root).option("-Astencil.cache=none")
        .edit("cases = \"calc_cases.c\"", "cases = \"calc_cases.c\", header = \"string\"");
    List<Diagnostic<? extends JavaFileObject>> errors = fixture.compileInto(output).stream()
        .filter(d -> d.getKind() == Diagnostic.Kind.ERROR).toList();
    assertThat(errors).hasSize(1);
    assertThat(run("--template", root.resolve("calc.c").toString(), "--header", "string",
        "--output", output.toString())).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("stencil4j: error (--header): "
        + errors.get(0).getMessage(Locale.ROOT) + "\n");
  }
}
