package io.stencil4j.processor;

import static com.google.common.truth.Truth.assertWithMessage;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * A {@code @Stencil} interface and its C files in a directory, compiled with the processor by
 * compile-testing. Knows where each piece of the Java source is, so tests can assert the exact
 * line and column of a diagnostic.
 */
final class StencilFixture {
  /** A template with one hole per case, in the shape the README documents. */
  static final String TEMPLATE = """
      #include <stdint.h>
      extern char _JIT_VALUE[];
      extern int64_t __attribute__((preserve_none)) _JIT_CONTINUE(int64_t acc);
      int64_t __attribute__((preserve_none)) _JIT_ENTRY(int64_t acc) {
        switch (_JIT_CASE) {
          CASE
        }
        __attribute__((musttail)) return _JIT_CONTINUE(acc);
      }
      """;

  static final String CASES = """
      case ADD: {
          acc += (int64_t)(intptr_t)_JIT_VALUE;
          break;
      }
      case NEGATE: {
          acc = -acc;
          break;
      }
      """;

  private final Path root;
  private String source;
  private final List<String> options = new ArrayList<>();

  StencilFixture(Path root) {
    this.root = root;
    file("calc.c", TEMPLATE);
    file("calc_cases.c", CASES);
    source("""
        package demo;

        import io.stencil4j.Stencil;

        @Stencil(template = "calc.c", cases = "calc_cases.c")
        public interface Calc {
          void add(long value);

          void negate();
        }
        """);
  }

  /** Writes the C file {@code name} into the root. */
  StencilFixture file(String name, String text) {
    try {
      Files.writeString(root.resolve(name), text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** Replaces the Java source of {@code demo.Calc}. */
  StencilFixture source(String text) {
    this.source = text;
    return this;
  }

  /** Replaces {@code from} with {@code to} in the Java source, which must contain it. */
  StencilFixture edit(String from, String to) {
    assertWithMessage("source contains %s", from).that(source).contains(from);
    this.source = source.replace(from, to);
    return this;
  }

  StencilFixture option(String option) {
    options.add(option);
    return this;
  }

  Path root() {
    return root;
  }

  JavaFileObject javaFile() {
    return JavaFileObjects.forSourceString("demo.Calc", source);
  }

  /** The 1-based line of the first occurrence of {@code text} in the Java source. */
  int line(String text) {
    int index = indexOf(text);
    return (int) source.substring(0, index).chars().filter(c -> c == '\n').count() + 1;
  }

  /** The 1-based column of the first occurrence of {@code text} in the Java source. */
  int column(String text) {
    int index = indexOf(text);
    return index - source.lastIndexOf('\n', index - 1);
  }

  private int indexOf(String text) {
    int index = source.indexOf(text);
    assertWithMessage("source contains %s", text).that(index).isAtLeast(0);
    return index;
  }

  Compilation compile() {
    return Compiler.javac().withProcessors(new StencilProcessor()).withOptions(allOptions())
        .compile(javaFile());
  }

  private List<String> allOptions() {
    List<String> all = new ArrayList<>(options);
    all.add("-Astencil.root=" + root);
    return all;
  }

  /**
   * Compiles with javac's own file manager, the generated sources going to {@code output}'s
   * directory {@code generated} (compile-testing keeps them in memory, where a file an earlier
   * build left cannot be seen); returns javac's diagnostics.
   */
  List<Diagnostic<? extends JavaFileObject>> compileInto(Path output) {
    return compileInto(output, allOptions(), javaFile());
  }

  /**
   * Compiles {@code source} with the processor and {@code options}, the generated sources going
   * to {@code output}'s directory {@code generated} and the classes to its {@code classes};
   * returns javac's diagnostics.
   */
  static List<Diagnostic<? extends JavaFileObject>> compileInto(Path output, List<String> options,
      JavaFileObject source) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, null)) {
      files.setLocationFromPaths(StandardLocation.SOURCE_OUTPUT,
          List.of(Files.createDirectories(output.resolve("generated"))));
      files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT,
          List.of(Files.createDirectories(output.resolve("classes"))));
      List<String> all = new ArrayList<>(options);
      all.addAll(List.of("-classpath", System.getProperty("java.class.path")));
      JavaCompiler.CompilationTask task =
          javac.getTask(null, files, diagnostics, all, null, List.of(source));
      task.setProcessors(List.of(new StencilProcessor()));
      task.call();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return diagnostics.getDiagnostics();
  }

  /** Builds into {@code output}, asserting that the build writes the class and headers. */
  StencilFixture builtInto(Path output) {
    assertWithMessage("errors").that(compileInto(output).stream()
        .filter(d -> d.getKind() == Diagnostic.Kind.ERROR).toList()).isEmpty();
    assertWithMessage("generated").that(generated(output)).containsExactly(
        "demo/CalcStencils.java", "demo/CalcStencils.stencil-inputs",
        "demo/calc-x86_64-unknown-linux-gnu.h", "demo/calc.h");
    return this;
  }

  /** The files under {@code output}'s generated sources, relative to it, sorted. */
  static List<String> generated(Path output) {
    Path directory = output.resolve("generated");
    try (Stream<Path> files = Files.walk(directory)) {
      return files.filter(Files::isRegularFile).map(f -> directory.relativize(f).toString())
          .sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Asserts that a build into {@code output} (where a good build wrote its files) fails with
   * exactly one error, {@code message}, at the start of {@code at} in the Java source, and
   * leaves no generated file behind.
   */
  void assertFailsLeavingNothing(Path output, String at, String message) {
    List<Diagnostic<? extends JavaFileObject>> errors = compileInto(output).stream()
        .filter(d -> d.getKind() == Diagnostic.Kind.ERROR).toList();
    assertWithMessage("errors").that(errors).hasSize(1);
    Diagnostic<? extends JavaFileObject> error = errors.get(0);
    // javac indents a message's lines after the first
    assertWithMessage("message").that(error.getMessage(Locale.ROOT))
        .isEqualTo(message.replace("\n", "\n  "));
    assertWithMessage("line").that(error.getLineNumber()).isEqualTo(line(at));
    assertWithMessage("column").that(error.getColumnNumber()).isEqualTo(column(at));
    assertWithMessage("files left in %s", output).that(generated(output)).isEmpty();
  }
}
