package io.stencil4j.benchmarks;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What examples/c/stackvm_bench.c measured, read from its output: emit times of the large
 * program, and the C interpreter's, C JIT's and C register JIT's time per execution of each
 * program by name.
 */
final class COutput {
  private static final Pattern EXECUTION = Pattern.compile(
      "execute (.+): interpreter median (\\d+) ns, JIT median (\\d+) ns,"
          + " register JIT median (\\d+) ns");
  private static final Pattern EMIT = Pattern.compile("(?m)^(emit|emit \\+ map) (\\d+)"
      + " stencils (\\d+) bytes: median ([0-9.]+) ns \\((\\d+) runs\\)$");

  /** One emit line: what was timed, and the median. */
  record Emit(String what, int stencils, long bytes, Statistics time) {}

  /** Nothing measured: no C benchmark was given. */
  static final COutput NONE = new COutput("");

  final List<Emit> emits;
  private final Map<String, double[]> executions = new HashMap<>();

  COutput(String output) {
    emits = EMIT.matcher(output).results().map(emit -> {
      double nanos = Double.parseDouble(emit.group(4));
      return new Emit(emit.group(1), Integer.parseInt(emit.group(2)),
          Long.parseLong(emit.group(3)),
          new Statistics(nanos, nanos, nanos, Integer.parseInt(emit.group(5))));
    }).toList();
    Matcher execution = EXECUTION.matcher(output);
    while (execution.find()) {
      executions.put(execution.group(1), new double[] {Double.parseDouble(execution.group(2)),
          Double.parseDouble(execution.group(3)), Double.parseDouble(execution.group(4))});
    }
  }

  /** The C interpreter's nanoseconds per run of {@code program}; NaN if not measured. */
  double interpreter(String program) {
    return execution(program, 0);
  }

  /** The C JIT's (the stack VM's) nanoseconds per run of {@code program}; NaN if not measured. */
  double jit(String program) {
    return execution(program, 1);
  }

  /** The C register VM JIT's nanoseconds per run of {@code program}; NaN if not measured. */
  double registerJit(String program) {
    return execution(program, 2);
  }

  private double execution(String program, int column) {
    double[] times = executions.get(program);
    return times == null ? Double.NaN : times[column];
  }
}
