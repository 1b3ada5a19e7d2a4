package io.stencil4j.it;

import io.stencil4j.model.StencilLibrary;
import io.stencil4j.runtime.JitAssembler;
import java.io.File;
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
 * Runs a javac-built library's host stencils with the Java runtime ({@link FuzzJavaRunner} in a
 * JVM of its own). After a crash or a hang it starts again after the program that caused it.
 */
final class FuzzJava {
  private static final Pattern LINE = Pattern.compile("(\\w+) (VALUE|EMIT-ERROR) ?(.*)");

  private FuzzJava() {}

  static Map<String, FuzzExecution> run(FuzzLibrary library, FuzzLibrary.Build build) {
    Map<String, FuzzExecution> executions = new LinkedHashMap<>();
    List<String> remaining = new ArrayList<>();
    library.programs.forEach(p -> remaining.add(p.name()));
    while (!remaining.isEmpty()) {
      List<String> command = new ArrayList<>(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "--enable-native-access=ALL-UNNAMED", "-cp", classPath(build.classes()),
          FuzzJavaRunner.class.getName(), "fuzz.FuzzStencils"));
      command.addAll(remaining);
      Duration limit = FuzzDriver.LIMIT.multipliedBy(remaining.size()).plusMinutes(1);
      Optional<ItSupport.Result> result =
          ItSupport.runWithin(library.directory, command, Map.of(), limit);
      String started = null;
      String output = result.map(ItSupport.Result::stdout).orElse("");
      for (String line : output.lines().toList()) {
        if (line.startsWith("START ")) {
          started = line.substring("START ".length());
          continue;
        }
        Matcher matcher = LINE.matcher(line);
        if (matcher.matches()) {
          executions.put(matcher.group(1), matcher.group(2).equals("VALUE")
              ? FuzzExecution.returned(Long.parseLong(matcher.group(3)))
              : FuzzExecution.stopped(FuzzOutcome.EMIT_ERROR, matcher.group(3)));
          remaining.remove(matcher.group(1));
          started = null;
        }
      }
      if (started == null) {
        // nothing ran, or everything did: no program to blame for an early exit
        for (String name : remaining) {
          executions.put(name, FuzzExecution.stopped(FuzzOutcome.CRASH, "the JVM exited with "
              + result.map(r -> r.exitCode() + ": " + FuzzReference.firstLines(r.stderr()))
                  .orElse("a time-out")));
        }
        remaining.clear();
      } else {
        executions.put(started, result.isEmpty()
            ? FuzzExecution.stopped(FuzzOutcome.TIMEOUT, "runs longer than " + limit.toSeconds()
                + " s with the JVM's start")
            : FuzzExecution.stopped(FuzzOutcome.CRASH, "the JVM exited with "
                + result.get().exitCode() + ": "
                + FuzzReference.firstLines(result.get().stderr())));
        remaining.remove(started);
      }
    }
    return executions;
  }

  /** The runner, the runtime, the annotations (the model) and the generated classes. */
  private static String classPath(Path generated) {
    List<String> path = new ArrayList<>();
    for (Class<?> type : List.of(FuzzJavaRunner.class, JitAssembler.class, StencilLibrary.class)) {
      path.add(ItSupport.location(type).toString());
    }
    path.add(generated.toString());
    return String.join(File.pathSeparator, path);
  }
}
