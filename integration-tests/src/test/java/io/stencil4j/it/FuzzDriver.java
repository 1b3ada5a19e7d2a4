package io.stencil4j.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a library's stencils for one triple the way a C JIT would: {@code fuzz/driver.c}, built
 * against the triple's header for the process that can run its code ({@link Host}), emits each
 * program's stencil into fresh pages and calls it in a child process of its own.
 */
final class FuzzDriver {
  /** How long one stencil may run (its program ran in 3 s at -O0; qemu is slower). */
  static final Duration LIMIT = Duration.ofSeconds(20);

  private static final Pattern SYMBOLS =
      Pattern.compile("typedef struct " + FuzzLibrary.HEADER + "_symbols \\{\\n(.*?)\\n\\}",
          Pattern.DOTALL);
  private static final Pattern SYMBOL = Pattern.compile("const void \\*(\\w+);");
  private static final Pattern LINE =
      Pattern.compile("(\\w+) (VALUE|EMIT-ERROR|TIMEOUT|CRASH)(.*)");

  /**
   * The driver's function for each external symbol stencils may call: the C library's memory
   * functions and the helpers of MSVC's runtime that clang's Windows code calls (64-bit
   * arithmetic on i686, the stack probe); none else is expected of a Csmith program.
   */
  private static final Map<String, String> HELPERS = Map.ofEntries(
      Map.entry("memcpy", "fuzz_memcpy"), Map.entry("memmove", "fuzz_memmove"),
      Map.entry("memset", "fuzz_memset"), Map.entry("_alldiv", "fuzz_alldiv"),
      Map.entry("_allrem", "fuzz_allrem"), Map.entry("_aulldiv", "fuzz_aulldiv"),
      Map.entry("_aullrem", "fuzz_aullrem"), Map.entry("_allmul", "fuzz_allmul"),
      Map.entry("_allshl", "fuzz_allshl"), Map.entry("_allshr", "fuzz_allshr"),
      Map.entry("_aullshr", "fuzz_aullshr"), Map.entry("_chkstk", "fuzz_chkstk"),
      Map.entry("__chkstk", "fuzz_chkstk"));

  private FuzzDriver() {}

  /** Every program's execution on {@code triple}, by name, from the header {@code build} wrote. */
  static Map<String, FuzzExecution> run(FuzzLibrary library, FuzzLibrary.Build build,
      ExecutedTriple triple, Path resources) throws IOException {
    Map<String, FuzzExecution> executions = new LinkedHashMap<>();
    Path header = build.header(triple);
    String text = Files.readString(header);
    Matcher symbols = SYMBOLS.matcher(text);
    List<String> initializers = new ArrayList<>();
    if (symbols.find()) {
      Matcher symbol = SYMBOL.matcher(symbols.group(1));
      while (symbol.find()) {
        if (symbol.group(1).equals("unused")) {
          continue; // the member of a struct no stencil needs: C has no empty structs
        }
        String helper = HELPERS.get(symbol.group(1));
        if (helper == null) {
          return all(library, FuzzOutcome.EMIT_ERROR, "the stencils call " + symbol.group(1)
              + ", which the harness does not supply (add it to fuzz/driver.c)");
        }
        initializers.add("." + symbol.group(1) + "=(const void *)" + helper);
      }
    }
    List<String> emitters = new ArrayList<>();
    for (CsmithProgram program : library.programs) {
      emitters.add(FuzzLibrary.HEADER + "_emit_" + program.name());
    }
    // -O0: gcc -O1 takes minutes on the megabytes of a Csmith library's header
    List<String> flags = new ArrayList<>(List.of("-std=c11", "-O0", "-Wall", "-Wextra", "-Werror",
        "-DFUZZ_HEADER=\"" + header.getFileName() + "\"", "-I" + header.getParent(),
        "-DFUZZ_EMITTERS=" + String.join(",", emitters),
        "-DFUZZ_SYMBOLS=" + (initializers.isEmpty() ? "0" : String.join(",", initializers))));
    if (triple.host == Host.X86_64_MS_ABI) {
      flags.add("-DFUZZ_ABI=" + Host.MS_ABI);
    }
    Path program = header.resolveSibling("driver-" + triple.name);
    Optional<ItSupport.Result> compiled = ItSupport.runWithin(library.directory,
        triple.host.compile(flags, program, resources.resolve("driver.c")), Map.of(),
        Duration.ofMinutes(5));
    if (compiled.isEmpty() || compiled.get().exitCode() != 0) {
      return all(library, FuzzOutcome.EMIT_ERROR, "the driver does not compile against "
          + header.getFileName() + compiled.map(r -> ": " + FuzzReference.firstLines(r.stderr()))
              .orElse(" in 5 minutes"));
    }
    Duration limit = LIMIT.multipliedBy(library.programs.size()).plusMinutes(1);
    Optional<ItSupport.Result> ran = ItSupport.runWithin(library.directory,
        triple.host.run(program, Long.toString(LIMIT.toSeconds())), Map.of(), limit);
    String output = ran.map(ItSupport.Result::stdout).orElse("");
    Files.writeString(header.resolveSibling("driver-" + triple.name + ".out"), output);
    for (String line : output.lines().toList()) {
      Matcher matcher = LINE.matcher(line);
      if (matcher.matches()) {
        String rest = matcher.group(3).strip();
        executions.put(matcher.group(1), switch (matcher.group(2)) {
          case "VALUE" -> FuzzExecution.returned(Long.parseLong(rest));
          case "EMIT-ERROR" -> FuzzExecution.stopped(FuzzOutcome.EMIT_ERROR,
              "a hole's value is out of range");
          case "TIMEOUT" -> FuzzExecution.stopped(FuzzOutcome.TIMEOUT,
              "runs longer than " + LIMIT.toSeconds() + " s");
          default -> FuzzExecution.stopped(FuzzOutcome.CRASH, rest);
        });
      }
    }
    for (CsmithProgram p : library.programs) {
      executions.putIfAbsent(p.name(), FuzzExecution.stopped(FuzzOutcome.CRASH, ran.isEmpty()
          ? "the driver did not finish in " + limit.toSeconds() + " s"
          : "no result: the driver exited with " + ran.get().exitCode()));
    }
    return executions;
  }

  static Map<String, FuzzExecution> all(FuzzLibrary library, FuzzOutcome outcome, String detail) {
    Map<String, FuzzExecution> executions = new LinkedHashMap<>();
    for (CsmithProgram program : library.programs) {
      executions.put(program.name(), FuzzExecution.stopped(outcome, detail));
    }
    return executions;
  }
}
