package io.stencil4j.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A random C program from Csmith in the form the differential test builds as a stencil: one file
 * in three parts, chosen by the macro defined when it is included -- {@code FUZZ_PART_DECLARATIONS}
 * (types, globals, prototypes), {@code FUZZ_PART_MAIN} (the body of Csmith's {@code main}, which
 * returns the checksum instead of printing it) and neither (the functions). The stencil template
 * includes the first part before its entry, the second inside it and the third after it, so the
 * entry stays the first function (see {@code fuzz/template.c}).
 *
 * <p>Every identifier at file scope carries the program's prefix, so several programs can share
 * one batch (one translation unit).
 *
 * @param name the case name, {@code SEED_<seed>} for a generated program
 * @param text the file
 */
record CsmithProgram(String name, String text) {
  /**
   * Csmith's options: {@code main(void)} (a stencil has no arguments); everything else as Csmith
   * chooses, since every construct it generates is legal in a stencil (no thread-locals, no
   * library calls besides its runtime's, which {@code fuzz/csmith.h} provides freestanding).
   */
  static final List<String> CSMITH_OPTIONS = List.of("--no-argc");

  private static final Pattern FILE_SCOPE =
      Pattern.compile("\\b(g_\\d+|func_\\d+|S\\d+|U\\d+|__undefined)\\b");
  private static final Pattern CHECKSUM =
      Pattern.compile("platform_main_end\\((.*), print_hash_value\\);");
  private static final String INCLUDE = "#include \"csmith.h\"\n";
  private static final String FUNCTIONS = "/* --- FUNCTIONS --- */\n";
  private static final String MAIN = "\nint main (void)\n{\n";

  /** Runs Csmith with {@code seed}; empty if it fails or does not finish in a minute. */
  static Optional<CsmithProgram> generate(long seed, Path directory) {
    Optional<ItSupport.Result> csmith = ItSupport.runWithin(directory,
        csmithCommand(seed), Map.of(), Duration.ofMinutes(1));
    if (csmith.isEmpty() || csmith.get().exitCode() != 0) {
      return Optional.empty();
    }
    return Optional.of(fromCsmith(seed, csmith.get().stdout()));
  }

  static List<String> csmithCommand(long seed) {
    List<String> command = new java.util.ArrayList<>(List.of(
        ItSupport.tool("csmith", "csmith").toString(), "--seed", Long.toString(seed)));
    command.addAll(CSMITH_OPTIONS);
    return command;
  }

  /** Csmith's output for {@code seed}, split into the three parts and prefixed. */
  static CsmithProgram fromCsmith(long seed, String csmithOutput) {
    String source = FILE_SCOPE.matcher(csmithOutput).replaceAll("p" + seed + "_$1");
    int include = indexOf(source, INCLUDE, 0, seed);
    int functions = indexOf(source, FUNCTIONS, include, seed);
    int main = indexOf(source, MAIN, functions, seed);
    int mainEnd = source.lastIndexOf("\n}");
    Matcher checksum = CHECKSUM.matcher(source.substring(main, mainEnd));
    if (!checksum.find()) {
      throw new IllegalArgumentException("Csmith's main for seed " + seed
          + " has no platform_main_end(..., print_hash_value)");
    }
    String mainBody = checksum.replaceFirst(
        Matcher.quoteReplacement("return " + checksum.group(1) + ";"));
    String text = "/* Csmith " + String.join(" ", CSMITH_OPTIONS) + " --seed " + seed
        + ", as a stencil program (see CsmithProgram.java) */\n"
        + "#if defined(FUZZ_PART_DECLARATIONS)\n"
        + source.substring(include + INCLUDE.length(), functions)
        + "#elif defined(FUZZ_PART_MAIN)\n"
        + mainBody.substring(MAIN.length()) + "\n"
        + "#else\n"
        + source.substring(functions, main) + "\n"
        + "#endif\n";
    return new CsmithProgram("SEED_" + seed, text);
  }

  /** A program kept in this form, e.g. a reduced regression; its case name from its file. */
  static CsmithProgram read(Path file) throws IOException {
    String base = file.getFileName().toString().replaceFirst("\\.c$", "");
    return new CsmithProgram(base.toUpperCase(java.util.Locale.ROOT).replaceAll("\\W", "_"),
        Files.readString(file));
  }

  /** Writes the program as {@code NAME.c} in {@code directory}, where the template finds it. */
  Path writeTo(Path directory) throws IOException {
    return Files.writeString(directory.resolve(name + ".c"), text);
  }

  /** Its case for the cases file: the program's main, included from its file. */
  String caseText() {
    return "case " + name + ": {\n#define FUZZ_PART_MAIN\n#include FUZZ_PROGRAM(_JIT_CASE)\n"
        + "#undef FUZZ_PART_MAIN\n}\n";
  }

  private static int indexOf(String source, String marker, int from, long seed) {
    int at = source.indexOf(marker, from);
    if (at < 0) {
      throw new IllegalArgumentException("Csmith's output for seed " + seed + " lacks "
          + marker.strip());
    }
    return at;
  }
}
