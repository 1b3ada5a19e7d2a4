package io.stencil4j.processor.object;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import io.stencil4j.model.Triple;
import io.stencil4j.processor.StencilProcessor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every object file the stack VM example compiles to, on every triple, batched and case by case,
 * read by our readers and by llvm-readobj-19: sections, symbols and relocations must be equal,
 * object by object.
 */
class ExampleObjectsDifferentialTest {
  private static final Path EXAMPLE = Path.of(System.getProperty("stencil.test.resources"))
      .resolve("../../../../examples/src/main").normalize();

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void everyObjectOfTheExampleMatchesReadobj(boolean isolated, @TempDir Path objects)
      throws Exception {
    Path source = EXAMPLE.resolve("java/io/stencil4j/examples/stackvm/StackVm.java");
    List<String> options = new java.util.ArrayList<>(List.of(
        "-Astencil.root=" + EXAMPLE.resolve("c/stackvm"), "-Astencil.objects=" + objects));
    if (isolated) {
      options.add("-Astencil.isolated");
    }
    Compilation compilation = Compiler.javac().withProcessors(new StencilProcessor())
        .withOptions(options)
        .compile(JavaFileObjects.forSourceString("io.stencil4j.examples.stackvm.StackVm",
            Files.readString(source)));
    assertThat(compilation).succeeded();

    int compared = 0;
    for (Triple triple : Triple.values()) {
      List<Path> files;
      try (Stream<Path> list = Files.list(objects.resolve(triple.triple()))) {
        files = list.sorted().toList();
      }
      // the shim and the 12 cases: alone, or in one batch
      assertThat(files).hasSize(isolated ? 13 : 2);
      for (Path object : files) {
        switch (triple) {
          case X86_64_UNKNOWN_LINUX_GNU, AARCH64_UNKNOWN_LINUX_GNU ->
              ElfReaderDifferentialTest.assertMatchesReadobj(object, true);
          case X86_64_APPLE_DARWIN, AARCH64_APPLE_DARWIN ->
              MachOReaderDifferentialTest.assertMatchesReadobj(object);
          default -> CoffReaderDifferentialTest.assertMatchesReadobj(object);
        }
        compared++;
      }
    }
    assertThat(compared).isEqualTo((isolated ? 13 : 2) * Triple.values().length);
  }
}
