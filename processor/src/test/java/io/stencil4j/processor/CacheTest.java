package io.stencil4j.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-stencil cache: what a rebuild compiles again, and what it survives. */
class CacheTest {
  @TempDir Path root;
  @TempDir Path cache;
  @TempDir Path shared;

  private StencilFixture fixture() {
    return new StencilFixture(root).option("-Astencil.cache=" + cache)
        .file("calc.h", "#define SCALE 3\n")
        .file("calc.c", "#include \"calc.h\"\n" + StencilFixture.TEMPLATE)
        .file("calc_cases.c", StencilFixture.CASES.replace("acc = -acc;", "acc = -acc * SCALE;"));
  }

  private static Compilation assertSummary(StencilFixture fixture, int compiled, int runs,
      int cached) {
    Compilation compilation = fixture.compile();
    assertThat(compilation).succeeded();
    assertThat(compilation).hadNoteContaining("stencil: Calc: 2 stencils x 1 triples: " + compiled
        + " compiled in " + runs + " compiler runs, " + cached + " from the cache, 0 from snapshots, in ");
    return compilation;
  }

  private static String header(Compilation compilation) throws IOException {
    return compilation.generatedFile(StandardLocation.SOURCE_OUTPUT, "demo",
        "calc-x86_64-unknown-linux-gnu.h").orElseThrow().getCharContent(true).toString();
  }

  @Test
  void anUnchangedBuildCompilesNothingAndWritesTheSameFiles() throws IOException {
    StencilFixture fixture = fixture();
    String cold = header(assertSummary(fixture, 2, 1, 0));
    String warm = header(assertSummary(fixture, 0, 0, 2));
    assertThat(warm).isEqualTo(cold);
  }

  @Test
  void oneChangedCaseRecompilesItsBatch() {
    StencilFixture fixture = fixture();
    assertSummary(fixture, 2, 1, 0);
    fixture.file("calc_cases.c", StencilFixture.CASES.replace("acc = -acc;", "acc = ~acc;"));
    assertSummary(fixture, 2, 1, 0);
  }

  @Test
  void aWarmBuildAfterAChangeEqualsAColdBuild(@TempDir Path otherCache) throws IOException {
    // clang inlines mix() into ADD only where ADD is its one caller: ADD's bytes depend on NEGATE
    String mix = IntStream.range(0, 30).mapToObj(i -> "x = x * " + (6364136223846793005L + i)
        + "LL + " + (1442695040888963407L + 7L * i) + "LL; x ^= x >> " + (13 + i % 5) + ";")
        .collect(Collectors.joining("\n    "));
    StencilFixture fixture = fixture().file("calc.h", "#ifndef CALC_H\n#define CALC_H\n"
        + "#include <stdint.h>\nstatic int64_t mix(int64_t x) {\n    " + mix + "\n    return x;\n}\n#endif\n")
        .file("calc_cases.c", StencilFixture.CASES.replace("acc +=", "acc = mix(acc) +")
            .replace("acc = -acc;", "acc = -mix(acc);"));
    assertSummary(fixture, 2, 1, 0);
    fixture.file("calc_cases.c", StencilFixture.CASES.replace("acc +=", "acc = mix(acc) +"));
    String warm = header(assertSummary(fixture, 2, 1, 0));
    String cold = header(assertSummary(fixture.option("-Astencil.cache=" + otherCache), 2, 1, 0));
    assertThat(warm).isEqualTo(cold);
  }

  @Test
  void aChangedHeaderRecompilesWhatIncludesIt() {
    StencilFixture fixture = fixture();
    assertSummary(fixture, 2, 1, 0);
    fixture.file("calc.h", "#define SCALE 5\n");
    assertSummary(fixture, 2, 1, 0);
  }

  @Test
  void aChangedHeaderInAnIncludeDirectoryRecompilesWhatIncludesIt() throws IOException {
    StencilFixture fixture = fixture().file("calc.h", "#include <scale.h>\n")
        .edit("cases = \"calc_cases.c\"", "cases = \"calc_cases.c\", includes = \"" + shared + "\"");
    Files.writeString(shared.resolve("scale.h"), "#define SCALE 3\n");
    assertSummary(fixture, 2, 1, 0);
    assertSummary(fixture, 0, 0, 2);
    Files.writeString(shared.resolve("scale.h"), "#define SCALE 5\n");
    assertSummary(fixture, 2, 1, 0);
  }

  @Test
  void aStencilFromTheCacheBringsItsWarningsAgain() {
    StencilFixture fixture = fixture().file("calc_cases.c", StencilFixture.CASES.replace(
        "    acc = -acc;\n", "#warning \"check NEGATE\"\n    acc = -acc;\n"));
    for (Compilation compilation : List.of(assertSummary(fixture, 2, 1, 0),
        assertSummary(fixture, 0, 0, 2))) {
      assertThat(compilation).hadWarningCount(1);
      assertThat(compilation).hadWarningContaining("clang warned on case NEGATE for "
          + "x86_64-unknown-linux-gnu:\n  " + root.resolve("calc_cases.c") + ":6:2: warning: "
          + "\"check NEGATE\" [-W#warnings]");
    }
  }

  @Test
  void aCheckoutElsewhereTakesEveryStencilFromTheCache(@TempDir Path elsewhere)
      throws IOException {
    Files.writeString(shared.resolve("scale.h"), "#define SCALE 3\n");
    String includes = "cases = \"calc_cases.c\", includes = \"" + shared + "\"";
    String first = header(assertSummary(fixture().file("calc.h", "#include <scale.h>\n")
        .edit("cases = \"calc_cases.c\"", includes), 2, 1, 0));
    // the same project, include directory and all, at other paths
    Path otherShared = Files.createDirectories(elsewhere.resolve("shared"));
    Files.writeString(otherShared.resolve("scale.h"), "#define SCALE 3\n");
    StencilFixture moved = new StencilFixture(Files.createDirectories(elsewhere.resolve("project")))
        .option("-Astencil.cache=" + cache)
        .file("calc.h", "#include <scale.h>\n")
        .file("calc.c", "#include \"calc.h\"\n" + StencilFixture.TEMPLATE)
        .file("calc_cases.c", StencilFixture.CASES.replace("acc = -acc;", "acc = -acc * SCALE;"))
        .edit("cases = \"calc_cases.c\"", "cases = \"calc_cases.c\", includes = \""
            + otherShared + "\"");
    assertThat(header(assertSummary(moved, 0, 0, 2))).isEqualTo(first);
    // and a header changed there is still seen
    Files.writeString(otherShared.resolve("scale.h"), "#define SCALE 5\n");
    assertSummary(moved, 2, 1, 0);
  }

  @Test
  void aCachedWarningNamesTheFilesOfTheCheckoutThatTakesIt(@TempDir Path elsewhere)
      throws IOException {
    String cases = StencilFixture.CASES.replace("    acc = -acc;\n",
        "#warning \"check NEGATE\"\n    acc = -acc;\n");
    assertSummary(fixture().file("calc_cases.c", cases), 2, 1, 0);
    Path moved = Files.createDirectories(elsewhere.resolve("project"));
    Compilation compilation = assertSummary(new StencilFixture(moved)
        .option("-Astencil.cache=" + cache).file("calc.h", "#define SCALE 3\n")
        .file("calc.c", "#include \"calc.h\"\n" + StencilFixture.TEMPLATE)
        .file("calc_cases.c", cases), 0, 0, 2);
    assertThat(compilation).hadWarningContaining("clang warned on case NEGATE for "
        + "x86_64-unknown-linux-gnu:\n  " + moved.resolve("calc_cases.c") + ":6:2: warning: "
        + "\"check NEGATE\" [-W#warnings]");
  }

  @Test
  void aDamagedEntryIsBuiltAgain() throws IOException {
    StencilFixture fixture = fixture();
    assertSummary(fixture, 2, 1, 0);
    List<Path> entries;
    try (Stream<Path> files = Files.walk(cache)) {
      entries = files.filter(f -> f.toString().endsWith(".stencil")).sorted().toList();
    }
    assertThat(entries).hasSize(2);
    byte[] bytes = Files.readAllBytes(entries.get(0));
    Files.write(entries.get(0), java.util.Arrays.copyOf(bytes, bytes.length / 2));
    assertSummary(fixture, 2, 1, 0); // the damaged stencil's batch
    assertSummary(fixture, 0, 0, 2);
  }
}
