package io.stencil4j.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.testing.compile.Compilation;
import io.stencil4j.processor.cache.Snapshot;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Builds without a compiler, from the snapshot a build with one wrote. */
class SnapshotTest {
  @TempDir Path root;
  @TempDir Path snapshots;
  @TempDir Path shared;

  private StencilFixture fixture() {
    return new StencilFixture(root).option("-Astencil.snapshot=" + snapshots)
        .option("-Astencil.cache=none")
        .file("calc.h", "#define SCALE 3\n")
        .file("calc.c", "#include \"calc.h\"\n" + StencilFixture.TEMPLATE)
        .file("calc_cases.c", StencilFixture.CASES.replace("acc = -acc;", "acc = -acc * SCALE;"));
  }

  private String noClang() {
    return "-Astencil.clang=" + root.resolve("no-clang");
  }

  private static String header(Compilation compilation) throws IOException {
    return compilation.generatedFile(StandardLocation.SOURCE_OUTPUT, "demo",
        "calc-x86_64-unknown-linux-gnu.h").orElseThrow().getCharContent(true).toString();
  }

  @Test
  void withoutClangTheSnapshotGivesTheSameStencils() throws IOException {
    Compilation withClang = fixture().compile();
    assertThat(withClang).succeeded();
    assertThat(Files.isRegularFile(snapshots.resolve("calc-x86_64-unknown-linux-gnu.snapshot")))
        .isTrue();
    Compilation withoutClang = fixture().option(noClang()).compile();
    assertThat(withoutClang).succeeded();
    assertThat(withoutClang).hadNoteContaining("2 compiled in 0 compiler runs".replace("2", "0")
        + ", 0 from the cache, 2 from snapshots");
    assertThat(header(withoutClang)).isEqualTo(header(withClang));
  }

  @Test
  void aChangedCaseOrHeaderIsNamed() {
    assertThat(fixture().compile()).succeeded();
    StencilFixture changed = fixture().option(noClang())
        .file("calc_cases.c", StencilFixture.CASES.replace("acc = -acc;", "acc = ~acc;"))
        .file("calc.h", "#define SCALE 4\n");
    Compilation compilation = changed.compile();
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("clang \"" + root.resolve("no-clang")
        + "\" (from -Astencil.clang or $STENCIL_CLANG) is not an executable file; and the "
        + "snapshot " + snapshots.resolve("calc-x86_64-unknown-linux-gnu.snapshot")
        + " does not match the sources: case NEGATE changed, header calc.h changed. Install "
        + "clang-19 (apt-get install clang-19) to build the stencils and the snapshot again");
  }

  /** The fixture with NEGATE's scale from {@code scale.h} in an include directory of its own. */
  private StencilFixture withSharedHeader(String scale) throws IOException {
    Files.writeString(shared.resolve("scale.h"), "#define SCALE " + scale + "\n");
    return fixture().file("calc.h", "#include <scale.h>\n")
        .edit("cases = \"calc_cases.c\"", "cases = \"calc_cases.c\", includes = \"" + shared + "\"");
  }

  @Test
  void aChangedHeaderOutsideTheTemplatesDirectoryIsNamed() throws IOException {
    assertThat(withSharedHeader("3").compile()).succeeded();
    Compilation compilation = withSharedHeader("4").option(noClang()).compile();
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("does not match the sources: header "
        + shared.resolve("scale.h") + " changed. Install clang-19");
    Snapshot snapshot = Snapshot.decode(Files.readAllBytes(
        snapshots.resolve("calc-x86_64-unknown-linux-gnu.snapshot")));
    // the compiler's own headers by a name that fits every machine, never by their paths
    Map<Boolean, List<String>> byCompiler = snapshot.inputs().get("NEGATE").dependencies()
        .keySet().stream().collect(Collectors.partitioningBy(
            name -> name.matches("<compiler \\d+>/stdint\\.h")));
    assertThat(byCompiler.get(true)).isNotEmpty();
    assertThat(byCompiler.get(false)).containsExactly("<include 0>/scale.h", "calc.h");
  }

  @Test
  void aRemovedHeaderIsNamed() throws IOException {
    assertThat(fixture().compile()).succeeded();
    StencilFixture withoutTheHeader = fixture().option(noClang());
    Files.delete(root.resolve("calc.h"));
    Compilation compilation = withoutTheHeader.compile();
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("does not match the sources: header calc.h is "
        + "missing. Install clang-19");
  }

  @Test
  void noSnapshotIsOneClearError() {
    Compilation compilation = fixture().option(noClang()).compile();
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("; and there is no snapshot "
        + snapshots.resolve("calc-x86_64-unknown-linux-gnu.snapshot") + " to build from: build "
        + "once with a compiler and -Astencil.snapshot to write it");
  }

  private Path snapshotFile() {
    return snapshots.resolve("calc-x86_64-unknown-linux-gnu.snapshot");
  }

  private String noClangMessage() {
    return "clang \"" + root.resolve("no-clang") + "\" (from -Astencil.clang or "
        + "$STENCIL_CLANG) is not an executable file";
  }

  private static String only(List<? extends Diagnostic<? extends JavaFileObject>> diagnostics) {
    assertThat(diagnostics).hasSize(1);
    return diagnostics.get(0).getMessage(Locale.ROOT);
  }

  @Test
  void aDamagedSnapshotIsAWarningWhenThereIsACompiler() throws IOException {
    String expected = header(fixture().compile());
    byte[] good = Files.readAllBytes(snapshotFile());
    Files.write(snapshotFile(), Arrays.copyOf(good, good.length - 1));
    Compilation compilation = fixture().compile();
    assertThat(compilation).succeeded();
    assertThat(only(compilation.warnings())).isEqualTo("the snapshot " + snapshotFile()
        + " was damaged (its checksum is wrong), so it is written again");
    assertThat(header(compilation)).isEqualTo(expected);
    assertThat(Files.readAllBytes(snapshotFile())).isEqualTo(good);
  }

  @Test
  void aSnapshotLengthOfTwoGigabytesIsOneErrorWithoutACompiler() throws IOException {
    assertThat(fixture().compile()).succeeded();
    byte[] bytes = Files.readAllBytes(snapshotFile());
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    // the encoded library's length comes last, before the checksum, followed by its magic number
    int at = 0;
    while (!(at + 4 + buffer.getInt(at) == bytes.length - 32
        && buffer.getInt(at + 4) == 0x53344a4c)) {
      at++;
    }
    buffer.putInt(at, 2_000_000_000);
    Files.write(snapshotFile(), CacheFallbackTest.resealed(bytes));
    Compilation compilation = fixture().option(noClang()).compile();
    assertThat(compilation).failed();
    assertThat(only(compilation.errors())).isEqualTo(noClangMessage() + "; and the snapshot "
        + snapshotFile() + " for x86_64-unknown-linux-gnu cannot be read: it claims "
        + "2000000000 bytes at byte " + (at + 4) + ", but is " + bytes.length + " bytes long");
  }

  @Test
  void aDirectoryInPlaceOfTheSnapshotIsAnErrorOnTheOption() throws IOException {
    Files.createDirectories(snapshotFile());
    String message = "-Astencil.snapshot names " + snapshots + ", but its snapshot "
        + snapshotFile() + " for x86_64-unknown-linux-gnu is not a file";
    for (StencilFixture fixture : List.of(fixture(), fixture().option(noClang()))) {
      Compilation compilation = fixture.compile();
      assertThat(compilation).failed();
      assertThat(only(compilation.errors())).isEqualTo(message);
    }
  }

  @Test
  void aSnapshotPathThatIsAFileIsAnErrorOnTheOption() throws IOException {
    Path file = Files.writeString(shared.resolve("snapshots"), "");
    // with clang (the verbose option changes nothing here) and without
    for (String clang : List.of("-Astencil.verbose", noClang())) {
      Compilation compilation = fixture().option("-Astencil.snapshot=" + file).option(clang)
          .compile();
      assertThat(compilation).failed();
      assertThat(only(compilation.errors())).isEqualTo("-Astencil.snapshot names " + file
          + ", which is a file, not a directory");
    }
  }

  @Test
  void theCommandLineNamesASnapshotOptionThatIsAFile() throws IOException {
    fixture();
    Path file = Files.writeString(shared.resolve("snapshots"), "");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = StencilCli.run(new String[] {"--template", root.resolve("calc.c").toString(),
        "--cases", root.resolve("calc_cases.c").toString(), "--header", "calc",
        "--output", shared.resolve("out").toString(), "--cache", "none",
        "--snapshot", file.toString()}, new PrintStream(new ByteArrayOutputStream()),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(exit).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("stencil4j: error: --snapshot "
        + "names " + file + ", which is a file, not a directory\n");
  }

  @Test
  void aReadOnlySnapshotDirectoryIsAnErrorOnTheOptionOnlyWithACompiler() throws IOException {
    String expected = header(fixture().compile());
    ReadOnly.directory(snapshots);
    try {
      Compilation withClang = fixture().compile();
      assertThat(withClang).failed();
      assertThat(only(withClang.errors())).isEqualTo("-Astencil.snapshot names " + snapshots
          + ", which cannot be written (" + ReadOnly.REFUSAL + ")");
      Compilation withoutClang = fixture().option(noClang()).compile();
      assertThat(withoutClang.errors()).isEmpty();
      assertThat(header(withoutClang)).isEqualTo(expected);
    } finally {
      ReadOnly.undo(snapshots);
    }
  }

  @Test
  void aSnapshotThatCannotBeReadSaysWhy() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Snapshot.read(snapshots));
    assertThat(e).hasMessageThat().isEqualTo("is a directory");
  }
}
