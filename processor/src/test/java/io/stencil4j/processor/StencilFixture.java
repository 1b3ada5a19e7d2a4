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
import javax.tools.JavaFileObject;

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
    List<String> all = new ArrayList<>(options);
    all.add("-Astencil.root=" + root);
    return Compiler.javac().withProcessors(new StencilProcessor()).withOptions(all)
        .compile(javaFile());
  }
}
