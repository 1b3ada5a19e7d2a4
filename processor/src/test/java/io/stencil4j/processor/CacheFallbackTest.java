package io.stencil4j.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A damaged, unreadable or unwritable stencil cache never fails a build that could succeed: the
 * stencils are compiled, with one warning naming the cache and the cause. A path that cannot be
 * the directory an option asks for is one error naming the option.
 */
class CacheFallbackTest {
  private static final String TRIPLE = "x86_64-unknown-linux-gnu";

  @TempDir Path root;
  @TempDir Path cache;
  @TempDir Path elsewhere;

  /** The fixture with its one case ADD, whose stencil is the cache's one entry. */
  private StencilFixture fixture() {
    return new StencilFixture(root).option("-Astencil.cache=" + cache)
        .file("calc_cases.c", StencilFixture.CASES.substring(0,
            StencilFixture.CASES.indexOf("case NEGATE")))
        .edit("  void negate();\n", "");
  }

  private static String header(Compilation compilation) throws IOException {
    return compilation.generatedFile(StandardLocation.SOURCE_OUTPUT, "demo",
        "calc-" + TRIPLE + ".h").orElseThrow().getCharContent(true).toString();
  }

  /** The header a build without any cache writes, which every fallback must equal. */
  private String uncachedHeader() throws IOException {
    Compilation compilation = fixture().option("-Astencil.cache=none").compile();
    assertThat(compilation).succeeded();
    return header(compilation);
  }

  private List<Path> entries() throws IOException {
    try (Stream<Path> files = Files.walk(cache)) {
      return files.filter(f -> f.toString().endsWith(".stencil")).sorted().toList();
    }
  }

  /** The cache's one entry, after a build. */
  private Path onlyEntry() throws IOException {
    Compilation compilation = fixture().compile();
    assertThat(compilation.errors()).isEmpty();
    assertThat(compilation.warnings()).isEmpty();
    List<Path> entries = entries();
    assertThat(entries).hasSize(1);
    return entries.get(0);
  }

  /** {@code bytes} with the SHA-256 of all but their last 32 bytes written over those. */
  static byte[] resealed(byte[] bytes) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(Arrays.copyOf(bytes, bytes.length - 32));
      System.arraycopy(digest, 0, bytes, bytes.length - 32, 32);
      return bytes;
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  private static void edit(Path file, UnaryOperator<byte[]> change) throws IOException {
    Files.write(file, change.apply(Files.readAllBytes(file)));
  }

  /**
   * Asserts that a build with the cache succeeds with exactly one warning, {@code warning},
   * compiling the stencil, and writes what a build without a cache writes.
   */
  private void assertFallsBack(String warning) throws IOException {
    String expected = uncachedHeader();
    Compilation compilation = fixture().compile();
    // the errors first: compile-testing cannot describe a failed build's deleted files
    assertThat(compilation.errors()).isEmpty();
    assertThat(compilation).hadWarningCount(1);
    assertThat(compilation.warnings().get(0).getMessage(Locale.ROOT)).isEqualTo(warning);
    assertThat(compilation).hadNoteContaining("stencil: Calc: 1 stencils x 1 triples: 1 compiled "
        + "in 1 compiler runs, 0 from the cache");
    assertThat(header(compilation)).isEqualTo(expected);
  }

  @Test
  void garbageInAnEntryIsAWarningAndTheStencilsAreCompiled() throws IOException {
    Path entry = onlyEntry();
    Files.write(entry, "not a stencil at all, but longer than a checksum".getBytes(
        StandardCharsets.UTF_8));
    assertFallsBack("the stencil cache entry " + entry + " is damaged (its checksum is wrong), "
        + "so its stencils are compiled again");
    assertThat(onlyEntry()).isEqualTo(entry);
  }

  @Test
  void aTruncatedEntryIsAWarningAndTheStencilsAreCompiled() throws IOException {
    Path entry = onlyEntry();
    edit(entry, bytes -> Arrays.copyOf(bytes, 20));
    assertFallsBack("the stencil cache entry " + entry + " is damaged (it is truncated), so its "
        + "stencils are compiled again");
  }

  @Test
  void anEntryOfAnotherVersionIsAWarningAndTheStencilsAreCompiled() throws IOException {
    Path entry = onlyEntry();
    edit(entry, bytes -> {
      bytes[4] = 1; // the version, after the magic number
      return resealed(bytes);
    });
    assertFallsBack("the stencil cache entry " + entry + " is damaged (it is not a Stencil4j "
        + "cache entry of version 2), so its stencils are compiled again");
  }

  @Test
  void aLengthOfTwoGigabytesAllocatesNothingAndIsAWarning() throws IOException {
    Path entry = onlyEntry();
    long size = Files.size(entry);
    edit(entry, bytes -> {
      // the encoded library's length, after the magic number and the version
      ByteBuffer.wrap(bytes).putInt(5, 2_000_000_000);
      return resealed(bytes);
    });
    assertFallsBack("the stencil cache entry " + entry + " is damaged (it claims 2000000000 "
        + "bytes at byte 9, but is " + size + " bytes long), so its stencils are compiled again");
  }

  @Test
  void aDirectoryInPlaceOfAnEntryIsAWarning() throws IOException {
    Path entry = onlyEntry();
    Files.delete(entry);
    Files.writeString(Files.createDirectories(entry).resolve("in-the-way"), "");
    assertFallsBack("the stencil cache entry " + entry + " cannot be read (is a directory), so "
        + "its stencils are compiled again (and 1 more problem with the cache)");
  }

  @Test
  void aFileInPlaceOfACacheDirectoryIsAWarning() throws IOException {
    Path directory = onlyEntry().getParent();
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : files.toList()) {
        Files.delete(file);
      }
    }
    Files.delete(directory);
    Files.writeString(directory, "in the way");
    assertFallsBack("the stencil cache " + cache + " cannot be written (" + directory + " is "
        + "not a directory), so the stencils built are not kept for the next build");
  }

  @Test
  void aReadOnlyCacheIsAWarningAndTheStencilsAreCompiled() throws IOException {
    ReadOnly.directory(cache);
    try {
      assertFallsBack("the stencil cache " + cache + " cannot be written ("
          + ReadOnly.REFUSAL + "), so the stencils built are not kept for the next build");
    } finally {
      ReadOnly.undo(cache);
    }
  }

  /** Asserts exactly one error, {@code message}, on the interface, and no generated file. */
  private static void assertOneErrorOnCalc(StencilFixture fixture, Path output, String message) {
    fixture.assertFailsLeavingNothing(output, "@Stencil", message);
  }

  @Test
  void aCachePathThatIsAFileIsAnErrorOnTheOption() throws IOException {
    Path file = Files.writeString(elsewhere.resolve("cache"), "");
    StencilFixture fixture = new StencilFixture(root).option("-Astencil.cache=" + file);
    assertOneErrorOnCalc(fixture, elsewhere.resolve("out"), "-Astencil.cache names " + file
        + ", which is a file, not a directory");
  }

  @Test
  void aCachePathInsideAFileIsAnErrorOnTheOption() throws IOException {
    Path file = Files.writeString(elsewhere.resolve("cache"), "");
    StencilFixture fixture = new StencilFixture(root)
        .option("-Astencil.cache=" + file.resolve("stencils"));
    assertOneErrorOnCalc(fixture, elsewhere.resolve("out"), "-Astencil.cache names "
        + file.resolve("stencils") + ", which cannot be a directory: " + file + " is a file");
  }

  @Test
  void anObjectsPathThatIsAFileIsAnErrorOnTheOption() throws IOException {
    Path file = Files.writeString(elsewhere.resolve("objects"), "");
    StencilFixture fixture = new StencilFixture(root).option("-Astencil.cache=none")
        .option("-Astencil.objects=" + file);
    assertOneErrorOnCalc(fixture, elsewhere.resolve("out"), "-Astencil.objects names " + file
        + ", which is a file, not a directory");
  }

  @Test
  void aReadOnlyObjectsDirectoryIsAnErrorOnTheOption() throws IOException {
    Path objects = Files.createDirectories(elsewhere.resolve("objects"));
    StencilFixture fixture = new StencilFixture(root).option("-Astencil.cache=none")
        .option("-Astencil.objects=" + objects);
    ReadOnly.directory(objects);
    try {
      assertOneErrorOnCalc(fixture, elsewhere.resolve("out"), "-Astencil.objects names "
          + objects + ", which cannot be written (" + ReadOnly.REFUSAL + ")");
    } finally {
      ReadOnly.undo(objects);
    }
  }

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int runCli(String cacheOption) {
    return StencilCli.run(new String[] {"--template", root.resolve("calc.c").toString(),
        "--cases", root.resolve("calc_cases.c").toString(), "--header", "calc",
        "--output", elsewhere.resolve("out").toString(), "--cache", cacheOption},
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void theCommandLineWarnsOfADamagedEntryAndBuilds() throws IOException {
    Path entry = onlyEntry();
    Files.write(entry, new byte[100]);
    String expected = uncachedHeader();
    assertThat(runCli(cache.toString())).isEqualTo(0);
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("stencil4j: warning: the stencil "
        + "cache entry " + entry + " is damaged (its checksum is wrong), so its stencils are "
        + "compiled again\n");
    assertThat(Files.readString(elsewhere.resolve("out").resolve("calc-" + TRIPLE + ".h")))
        .isEqualTo(expected);
  }

  @Test
  void theCommandLineNamesACacheOptionThatIsAFile() throws IOException {
    new StencilFixture(root);
    Path file = Files.writeString(elsewhere.resolve("cache"), "");
    assertThat(runCli(file.toString())).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("stencil4j: error: --cache names "
        + file + ", which is a file, not a directory\n");
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
  }
}
