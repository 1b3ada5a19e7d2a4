package io.stencil4j.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stencil4j.it.ItSupport.Fixture;
import io.stencil4j.it.ItSupport.Jdk;
import io.stencil4j.it.ItSupport.Output;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated headers compile as C, warnings as errors, with each host compiler of CPython's
 * toolchain list on its own triple: gcc on x86-64 and AArch64 Linux, clang on every triple (C99
 * and C11), and MSVC's dialect ({@code clang-cl /W4 /WX /TC}) on the three Windows triples.
 * Each triple's header and the dispatcher, of the stack VM and of Tally, is included by a file
 * that calls every emit function, compiled to an object at -O2 (gcc finds some problems only
 * when it generates code).
 */
class HeaderCompilersTest {
  private static final Pattern EMIT = Pattern.compile("static inline int (\\w+_emit_\\w+)"
      + "\\(unsigned char \\*code, unsigned char \\*data, const \\w+ \\*symbols((?:, uint64_t \\w+)*)\\)");
  private static final List<String> WARNINGS_AS_ERRORS =
      List.of("-Wall", "-Wextra", "-Wpedantic", "-Werror");

  /** A library whose headers are compiled: its fixture, header base name and package. */
  enum Library {
    STACK_VM("stack_vm", "io/stencil4j/examples/stackvm"),
    TALLY("tally", "io/stencil4j/it/tally");

    final String header;
    final String packagePath;

    Library(String header, String packagePath) {
      this.header = header;
      this.packagePath = packagePath;
    }

    Fixture fixture() {
      return this == STACK_VM ? ItSupport.stackVm() : ItSupport.tally();
    }
  }

  /** A compiler and dialect from CPython's list, and the triples it is a host compiler of. */
  enum Compiler {
    GCC_C11,
    CLANG_C99,
    CLANG_C11,
    CLANG_CL;

    boolean compiles(ExecutedTriple triple) {
      return switch (this) {
        case GCC_C11 -> triple == ExecutedTriple.X86_64_UNKNOWN_LINUX_GNU
            || triple == ExecutedTriple.AARCH64_UNKNOWN_LINUX_GNU;
        case CLANG_C99, CLANG_C11 -> true;
        case CLANG_CL -> isWindows(triple);
      };
    }

    /** The command that compiles {@code source} for {@code triple} to {@code object}. */
    List<String> command(ExecutedTriple triple, Path headers, Path source, Path object) {
      List<String> command = new ArrayList<>();
      String clang = ItSupport.tool("clang-19", "clang-19").toString();
      switch (this) {
        case GCC_C11 -> {
          command.add(triple == ExecutedTriple.X86_64_UNKNOWN_LINUX_GNU ? ItSupport.gcc().toString()
              : ItSupport.tool("aarch64-linux-gnu-gcc", "gcc-aarch64-linux-gnu").toString());
          command.addAll(List.of("-std=c11", "-O2"));
          command.addAll(WARNINGS_AS_ERRORS);
        }
        case CLANG_C99, CLANG_C11 -> {
          command.addAll(List.of(clang, "--target=" + triple, this == CLANG_C99 ? "-std=c99"
              : "-std=c11", "-O2"));
          command.addAll(WARNINGS_AS_ERRORS);
          if (!hasCLibrary(triple)) {
            command.addAll(List.of("-ffreestanding", "-nostdlibinc", "-I" + standInLibc()));
          }
        }
        case CLANG_CL -> command.addAll(List.of(clang, "--driver-mode=cl", "--target=" + triple,
            "/W4", "/WX", "/TC", "/O2", "/X", "/I" + standInLibc()));
      }
      if (this == CLANG_CL) {
        command.addAll(List.of("/I" + headers, "/c", "/Fo" + object, source.toString()));
      } else {
        command.addAll(List.of("-I" + headers, "-c", "-o", object.toString(), source.toString()));
      }
      return command;
    }
  }

  @TempDir static Path dir;
  private static Output stackVm;
  private static Output tally;

  @BeforeAll
  static void generateTheHeaders() {
    stackVm = Output.in(dir.resolve("stack_vm"));
    ItSupport.javac(Jdk.BUILD, Library.STACK_VM.fixture(), stackVm).assertSuccess();
    tally = Output.in(dir.resolve("tally"));
    ItSupport.javac(Jdk.BUILD, Library.TALLY.fixture(), tally).assertSuccess();
  }

  static Stream<Arguments> hostCompilers() {
    List<Arguments> arguments = new ArrayList<>();
    for (Library library : Library.values()) {
      for (ExecutedTriple triple : ExecutedTriple.values()) {
        for (Compiler compiler : Compiler.values()) {
          if (compiler.compiles(triple)) {
            arguments.add(Arguments.of(library, triple, compiler));
          }
        }
      }
    }
    return arguments.stream();
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("hostCompilers")
  void theHeadersCompileWithoutWarnings(Library library, ExecutedTriple triple, Compiler compiler)
      throws IOException {
    Path headers = (library == Library.STACK_VM ? stackVm : tally).sources()
        .resolve(library.packagePath);
    String tripleHeader = library.header + "-" + triple + ".h";
    for (String header : List.of(tripleHeader, library.header + ".h")) {
      Path source = dir.resolve(String.join("-", library.header, triple.toString(),
          compiler.name().toLowerCase(Locale.ROOT), header.replace('.', '_')) + ".c");
      Files.writeString(source, useEveryStencil(library, triple, header,
          Files.readString(headers.resolve(tripleHeader))));
      Path object = dir.resolve(source.getFileName() + ".o");
      ItSupport.run(dir, compiler.command(triple, headers, source, object)).assertSuccess();
    }
  }

  /**
   * A C file that includes {@code header}, fails unless that gave {@code triple}'s stencils,
   * and calls every emit function {@code tripleHeaderText} declares.
   */
  private static String useEveryStencil(Library library, ExecutedTriple triple, String header,
      String tripleHeaderText) {
    String guard = (library.header + "_" + triple.name() + "_H").toUpperCase(Locale.ROOT);
    String signature = "int use_every_stencil(unsigned char *code, unsigned char *data, const "
        + library.header + "_symbols *symbols)";
    StringBuilder c = new StringBuilder()
        .append("#include \"").append(header).append("\"\n")
        .append("#ifndef ").append(guard).append('\n')
        .append("#error \"").append(header).append(" did not give the stencils for ")
        .append(triple).append("\"\n#endif\n")
        .append(signature).append(";\n").append(signature).append(" {\n")
        .append("  int failures = 0;\n");
    Matcher emit = EMIT.matcher(tripleHeaderText);
    int functions = 0;
    while (emit.find()) {
      int parameters = emit.group(2).isEmpty() ? 0 : emit.group(2).split(",").length - 1;
      c.append("  failures += ").append(emit.group(1)).append("(code, data, symbols")
          .append(", 0".repeat(parameters)).append(");\n");
      functions++;
    }
    assertTrue(functions > 0, "no emit function found in the header of " + triple);
    return c.append("  return failures;\n}\n").toString();
  }

  private static boolean isWindows(ExecutedTriple triple) {
    return triple.name.contains("-windows-");
  }

  /** Whether this machine has the triple's C library headers (Linux: native or cross). */
  private static boolean hasCLibrary(ExecutedTriple triple) {
    return triple.name.contains("-linux-");
  }

  private static Path standInLibc() {
    return ItSupport.moduleDirectory().resolve("src/test/fixtures/libc");
  }
}
