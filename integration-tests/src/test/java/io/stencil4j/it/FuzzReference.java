package io.stencil4j.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checksums a program must compute: the same translation unit a stencil is compiled from (the
 * template with the program's case pasted in), compiled normally with a {@code main} that prints
 * its result, and run on this machine.
 *
 * <p>gcc and clang (with UndefinedBehaviorSanitizer, trapping) must agree, else the
 * program is skipped (Csmith's programs are meant to be free of undefined behaviour, but a
 * disagreement means one compiler may be wrong or the program unportable).
 *
 * <p>Windows triples compute in another C dialect, so a few programs legitimately compute another
 * checksum there: clang enables Microsoft compatibility for {@code *-windows-msvc}, where, for
 * one, a hexadecimal {@code LL} literal above {@code LLONG_MAX} stays signed, and {@code long} is
 * 32 bits wide on every Windows, so an {@code L} literal above {@code LONG_MAX} has another type.
 * They are judged against clang with {@code -fms-extensions -fms-compatibility} in a 32-bit
 * process, whose {@code int}, {@code long} and {@code long long} are Windows' (Csmith's checksums
 * never depend on the size of a pointer).
 *
 * @param host the checksum on every non-Windows configuration
 * @param windows the checksum on Windows triples
 * @param skipped why the program has no reference, or null
 */
record FuzzReference(long host, long windows, String skipped) {
  /** How long a reference may run natively; Csmith programs that loop long are skipped. */
  static final Duration LIMIT = Duration.ofSeconds(3);

  private static final Pattern CASE_TOKEN = Pattern.compile("\\bCASE\\b");

  /** The checksum {@code configuration} must return. */
  long expected(FuzzConfiguration configuration) {
    return configuration.triple.windows() ? windows : host;
  }

  /** Compiles and runs {@code program}'s references in {@code directory}. */
  static FuzzReference of(CsmithProgram program, Path resources, Path directory)
      throws IOException {
    Files.createDirectories(directory);
    program.writeTo(directory);
    Path source = Files.writeString(directory.resolve("reference.c"), source(program, resources));
    String clang = ItSupport.tool("clang-19", "clang-19").toString();
    Checksum gcc = run(directory, Host.X86_64, List.of(ItSupport.gcc().toString()), source, "gcc",
        resources);
    // undefined behaviour (which Csmith avoids, but a reduction may not) traps: no reference
    Checksum host = gcc.failure() != null ? gcc : run(directory, Host.X86_64, List.of(clang,
        "-fsanitize=undefined", "-fsanitize-trap=undefined"), source, "clang", resources);
    if (host.failure() != null) {
      return skipped(host.failure());
    }
    if (gcc.value() != host.value()) {
      return skipped(String.format("gcc computes %d, clang %d", gcc.value(), host.value()));
    }
    Checksum windows = run(directory, Host.I686, List.of(clang, "-m32", "-fms-extensions",
        "-fms-compatibility"), source, "clang-ms-m32", resources);
    if (windows.failure() != null) {
      return skipped(windows.failure());
    }
    return new FuzzReference(host.value(), windows.value(), null);
  }

  /** The stencil's translation unit for {@code program} compiled alone, with a main. */
  static String source(CsmithProgram program, Path resources) throws IOException {
    String template = Files.readString(resources.resolve("template.c"));
    Matcher token = CASE_TOKEN.matcher(template);
    if (!token.find()) {
      throw new IllegalStateException("the fuzz template has no CASE");
    }
    return "enum { " + program.name() + " };\n#define _JIT_CASE " + program.name() + "\n"
        + "#define _JIT_ENTRY fuzz_run\n"
        + template.substring(0, token.start()) + program.caseText()
        + template.substring(token.end())
        + "\n#undef printf\nint printf(const char *, ...);\n"
        + "int main(void) {\n  printf(\"%u\\n\", (unsigned)fuzz_run());\n  return 0;\n}\n";
  }

  private static FuzzReference skipped(String why) {
    return new FuzzReference(0, 0, why);
  }

  /** A reference's result: its checksum, or why there is none. */
  private record Checksum(long value, String failure) {
    static Checksum failed(String why) {
      return new Checksum(0, why);
    }
  }

  /** Compiles with {@code compiler} at -O0 (clang -O1 takes 20 times longer) and runs it. */
  private static Checksum run(Path directory, Host host, List<String> compiler, Path source,
      String name, Path resources) {
    Path program = directory.resolve("reference-" + name);
    List<String> command = new ArrayList<>(compiler);
    command.addAll(List.of("-O0", "-w", "-I" + directory,
        "-I" + resources, "-o", program.toString(), source.toString()));
    Optional<ItSupport.Result> compiled =
        ItSupport.runWithin(directory, command, Map.of(), Duration.ofMinutes(2));
    if (compiled.isEmpty() || compiled.get().exitCode() != 0) {
      return Checksum.failed(name + " cannot compile the reference"
          + compiled.map(r -> ": " + firstLines(r.stderr())).orElse(" in 2 minutes"));
    }
    // qemu-i386 is several times slower than the native run
    Duration limit = host == Host.I686 ? LIMIT.multipliedBy(10) : LIMIT;
    Optional<ItSupport.Result> ran =
        ItSupport.runWithin(directory, host.run(program), Map.of(), limit);
    if (ran.isEmpty()) {
      return Checksum.failed("the " + name + " reference runs longer than " + limit.toSeconds()
          + " s");
    }
    if (ran.get().exitCode() != 0) {
      return Checksum.failed("the " + name + " reference exits with " + ran.get().exitCode());
    }
    return new Checksum(Long.parseLong(ran.get().stdout().strip()), null);
  }

  static String firstLines(String text) {
    return text.lines().limit(3).reduce((a, b) -> a + " | " + b).orElse("");
  }
}
