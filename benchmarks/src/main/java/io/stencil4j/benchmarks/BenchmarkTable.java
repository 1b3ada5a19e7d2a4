package io.stencil4j.benchmarks;

import io.stencil4j.examples.stackvm.Programs;
import io.stencil4j.examples.stackvm.StackVmJit;
import io.stencil4j.model.Triple;
import io.stencil4j.runtime.JitFunction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs every benchmark with JMH and prints one table: emit speed, execution against the
 * interpreter, first-call latency. Each number is the median of the measured iterations of all
 * forks (for one-shot cold starts: of the forks). JMH's own report goes to target/jmh.txt.
 *
 * <p>Argument: optionally, the C emit benchmark's binary (examples/c/stackvm_bench.c), run for
 * the C row of the emit table.
 */
public final class BenchmarkTable {
  /** A result line of stackvm_bench.c. */
  private static final Pattern C_EXECUTION = Pattern.compile(
      "execute (.+): interpreter median (\\d+) ns, JIT median (\\d+) ns");
  private static final Pattern C_RESULT = Pattern.compile("(?m)^(emit|emit \\+ map) (\\d+)"
      + " stencils (\\d+) bytes: median ([0-9.]+) ns \\((\\d+) runs\\)$");

  private final Map<String, Statistics> results = new HashMap<>();

  private BenchmarkTable(Collection<RunResult> runs) {
    for (RunResult run : runs) {
      String method = run.getParams().getBenchmark();
      method = method.substring(method.lastIndexOf('.', method.lastIndexOf('.') - 1) + 1);
      String program = run.getParams().getParam("program");
      results.put(program == null ? method : method + ":" + program, Statistics.of(run));
    }
  }

  public static void main(String[] args) throws RunnerException {
    String cBenchmark = args.length > 0 && !args[0].isBlank() ? args[0] : null;
    Path log = Path.of("target", "jmh.txt").toAbsolutePath();
    System.err.println("Running the benchmarks (about 4 minutes); JMH's report: " + log);
    Collection<RunResult> runs = new Runner(new OptionsBuilder()
        .include(Pattern.quote(EmitBenchmark.class.getName()) + ".*")
        .include(Pattern.quote(ExecutionBenchmark.class.getName()) + ".*")
        .include(Pattern.quote(FirstCallBenchmark.class.getName()) + ".*")
        .timeUnit(TimeUnit.NANOSECONDS)
        .jvmArgsAppend(forkFlags())
        .output(log.toString())
        .build()).run();
    BenchmarkTable table = new BenchmarkTable(runs);
    System.out.print(table.render(emittedBytes(), cBenchmark == null ? "" : runC(cBenchmark)));
  }

  /**
   * The flags of the forked JVMs, which replace the benchmarks' own: native access, and on JDK
   * 23+ no warning about JMH's use of sun.misc.Unsafe.
   */
  private static String[] forkFlags() {
    return Runtime.version().feature() >= 23
        ? new String[] {"--enable-native-access=ALL-UNNAMED",
            "--sun-misc-unsafe-memory-access=allow"}
        : new String[] {"--enable-native-access=ALL-UNNAMED"};
  }

  /** The code and data bytes of the emit benchmark's program, compiled once. */
  private static long emittedBytes() {
    try (Arena arena = Arena.ofConfined()) {
      JitFunction function = new StackVmJit(arena)
          .assemble(Programs.synthetic(EmitBenchmark.LENGTH)).finish(arena);
      return function.code().byteSize() + function.data().byteSize();
    }
  }

  private static String runC(String binary) {
    try {
      Process process = new ProcessBuilder(binary).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (process.waitFor() != 0) {
        throw new IllegalStateException(binary + " failed:\n" + output);
      }
      return output;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private String render(long bytes, String cOutput) {
    int stencils = EmitBenchmark.LENGTH + 1;
    StringBuilder out = new StringBuilder();
    out.append(String.format("Stencil4j benchmarks: JMH 1.37, %s %s, %s, %d cores%n",
        System.getProperty("java.vm.name"), System.getProperty("java.version"),
        Triple.host().map(Triple::triple).orElse("an unknown triple"),
        Runtime.getRuntime().availableProcessors()));
    out.append("Medians of 1-second iterations (2 forks x 5 after warm-up), or of one-shot runs"
        + " in fresh JVMs; [min - max]\n\n");

    out.append(String.format("(a) Emit: the %,d-instruction stack VM program = %,d stencils,"
        + " %,d bytes of code and data%n", EmitBenchmark.LENGTH, stencils, bytes));
    out.append(String.format("  %-44s %12s %12s %10s   %s%n", "", "per program", "per stencil",
        "MB/s", "[min - max] per program"));
    emitRow(out, "Java: append (copy, record)", get("EmitBenchmark.append"), stencils, bytes);
    emitRow(out, "Java: append + finish (patch, mmap, munmap)",
        get("EmitBenchmark.appendAndFinish"), stencils, bytes);
    Matcher c = C_RESULT.matcher(cOutput);
    while (c.find()) {
      double nanos = Double.parseDouble(c.group(4));
      Statistics single = new Statistics(nanos, nanos, nanos, Integer.parseInt(c.group(5)));
      emitRow(out, "C: " + c.group(1) + " (generated header, gcc -O2)", single,
          Integer.parseInt(c.group(2)), Long.parseLong(c.group(3)));
    }

    out.append(String.format("%n(b) Execution: JIT-compiled vs the Java interpreter (C2) and,"
        + " same run, the C interpreter and C's JIT from the generated header (gcc -O2)%n"));
    out.append(String.format("  %-24s %12s %12s %9s %12s %12s %9s%n", "", "Java interp.",
        "Java JIT", "speed-up", "C interp.", "C JIT", "JIT vs C interp."));
    Map<String, double[]> inCByName = new HashMap<>();
    Matcher execution = C_EXECUTION.matcher(cOutput);
    while (execution.find()) {
      inCByName.put(execution.group(1), new double[] {Double.parseDouble(execution.group(2)),
          Double.parseDouble(execution.group(3))});
    }
    for (String key : List.of("factorial", "sum", "fibonacci", "primes")) {
      Statistics interpreted = get("ExecutionBenchmark.interpreter:" + key);
      Statistics jitted = get("ExecutionBenchmark.jit:" + key);
      String name = ExecutionBenchmark.program(key).name();
      double[] inC = inCByName.get(name);
      out.append(String.format("  %-24s %12s %12s %8.2fx %12s %12s %8.2fx%n", name,
          time(interpreted.median()), time(jitted.median()),
          interpreted.median() / jitted.median(), inC == null ? "-" : time(inC[0]),
          inC == null ? "-" : time(inC[1]),
          inC == null ? Double.NaN : inC[0] / jitted.median()));
    }

    out.append(String.format(
        "%n(c) First call: factorial(20), from the first stencil appended to the result%n"));
    firstCallRow(out, "fresh JVM, JIT set-up included", get("FirstCallBenchmark.coldWithSetUp"));
    firstCallRow(out, "fresh JVM, JIT set up before", get("FirstCallBenchmark.cold"));
    firstCallRow(out, "warm JVM (emit, mmap, call, munmap)", get("FirstCallBenchmark.warm"));
    return out.toString();
  }

  private Statistics get(String key) {
    Statistics statistics = results.get(key);
    if (statistics == null) {
      throw new IllegalStateException("no result for " + key + "; there are " + results.keySet());
    }
    return statistics;
  }

  private static void emitRow(StringBuilder out, String label, Statistics s, int stencils,
      long bytes) {
    out.append(String.format("  %-44s %12s %9.1f ns %10.0f   [%s - %s]%n", label,
        time(s.median()), s.median() / stencils, bytes / (s.median() / 1e9) / 1e6,
        time(s.min()), time(s.max())));
  }

  private static void firstCallRow(StringBuilder out, String label, Statistics s) {
    out.append(String.format("  %-44s %12s   [%s - %s, n = %d]%n", label, time(s.median()),
        time(s.min()), time(s.max()), s.count()));
  }

  /** Nanoseconds in the unit that keeps 3-4 significant digits. */
  private static String time(double nanos) {
    if (nanos >= 1e6) {
      return String.format("%.2f ms", nanos / 1e6);
    }
    if (nanos >= 1e3) {
      return String.format("%.1f us", nanos / 1e3);
    }
    return String.format("%.1f ns", nanos);
  }
}
