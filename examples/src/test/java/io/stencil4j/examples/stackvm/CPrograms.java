package io.stencil4j.examples.stackvm;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Programs as the C consumers take them: a header to force-include ({@code gcc -include}) that
 * defines stackvm_programs.h's {@code EXAMPLE_PROGRAMS}, so that a consumer's report runs these
 * programs instead of the examples and ends with {@code "N programs, 0 different"}.
 */
public final class CPrograms {
  private CPrograms() {}

  /** The header that makes a C consumer run {@code programs}. */
  public static String header(List<Program> programs) {
    return programs.stream().map(CPrograms::initialiser)
        .collect(Collectors.joining(", \\\n", "#define EXAMPLE_PROGRAMS \\\n", "\n"));
  }

  private static String initialiser(Program program) {
    String locals = program.locals().stream().map(local -> local + "LL")
        .collect(Collectors.joining(", "));
    String code = program.code().stream()
        .map(in -> "I(" + in.op() + ", " + in.argument() + "LL)")
        .collect(Collectors.joining(", "));
    return "PROGRAM(\"" + program.name() + "\", LOCALS(" + locals + "), " + code + ")";
  }
}
