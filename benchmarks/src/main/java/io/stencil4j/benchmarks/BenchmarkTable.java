package io.stencil4j.benchmarks;

import io.stencil4j.examples.stackvm.Program;
import io.stencil4j.examples.stackvm.Programs;
import io.stencil4j.examples.stackvm.StackVmJit;
import io.stencil4j.model.Triple;
import io.stencil4j.runtime.JitFunction;
import java.lang.foreign.Arena;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every benchmark and prints one table with the targets of issues 11 and 12: compile
 * latency against the bytecode baseline and the floor, launch to first result in fresh JVMs,
 * execution against the bytecode baseline and the interpreters, emit speed. JMH's own report
 * goes to target/jmh.txt.
 *
 * <p>Arguments: optionally, the C benchmark's binary (examples/c/stackvm_bench.c), run for the C
 * columns; {@code --quick} for a smoke run (one short iteration each, one JVM per JIT), whose
 * numbers mean nothing.
 */
public final class BenchmarkTable {
  /** Launches per JIT for launch to first result. */
  private static final int FRESH_JVMS = 7;
  private static final long C_TIMEOUT_SECONDS = 300;
  /** HotSpot's HugeMethodLimit: larger methods are never compiled (DontCompileHugeMethods). */
  private static final int HUGE_METHOD_LIMIT = 8000;

  private final Map<String, Statistics> results = new HashMap<>();
  private final Map<String, Statistics> freshJvms;
  private final COutput c;
  private final StringBuilder out = new StringBuilder();

  private BenchmarkTable(Collection<RunResult> runs, Map<String, Statistics> freshJvms,
      COutput c) {
    for (RunResult run : runs) {
      String method = run.getParams().getBenchmark();
      method = method.substring(method.lastIndexOf('.', method.lastIndexOf('.') - 1) + 1);
      String program = run.getParams().getParam("program");
      results.put(program == null ? method : method + ":" + program, Statistics.of(run));
    }
    this.freshJvms = freshJvms;
    this.c = c;
  }

  public static void main(String[] args) throws RunnerException {
    List<String> arguments = List.of(args);
    boolean quick = arguments.contains("--quick");
    String cBenchmark = arguments.stream().filter(a -> !a.equals("--quick")).findFirst()
        .orElse(null);
    Path log = Path.of("target", "jmh.txt").toAbsolutePath();
    System.err.println("Running JMH (" + (quick ? "a few seconds per benchmark" : "about 7 minutes")
        + "); its report: " + log);
    ChainedOptionsBuilder options = new OptionsBuilder()
        .include(Pattern.quote(CompileBenchmark.class.getName()) + ".*")
        .include(Pattern.quote(ExecutionBenchmark.class.getName()) + ".*")
        .include(Pattern.quote(EmitBenchmark.class.getName()) + ".*")
        .timeUnit(TimeUnit.NANOSECONDS)
        // replace the benchmarks' own flags: JMH uses sun.misc.Unsafe, which JDK 24 warns of
        .jvmArgsAppend("--enable-native-access=ALL-UNNAMED",
            "--sun-misc-unsafe-memory-access=allow")
        .output(log.toString());
    if (quick) {
      options.warmupIterations(0).measurementIterations(1)
          .measurementTime(TimeValue.milliseconds(200));
    }
    Collection<RunResult> runs = new Runner(options.build()).run();
    int launches = quick ? 1 : FRESH_JVMS;
    System.err.println("Launching " + FreshJvms.LAUNCHED.size() * launches + " fresh JVMs (as"
        + " many again with AOT caches on JDK 25+)");
    Map<String, Statistics> fresh = FreshJvms.measure(launches);
    COutput c = COutput.NONE;
    if (cBenchmark != null) {
      System.err.println("Running " + cBenchmark);
      c = new COutput(Processes.run(List.of(cBenchmark), C_TIMEOUT_SECONDS));
    }
    System.out.print(new BenchmarkTable(runs, fresh, c).render());
  }

  private String render() {
    line("Stencil4j benchmarks: JMH 1.37, %s %s, %s, %d cores", System.getProperty("java.vm.name"),
        System.getProperty("java.version"),
        Triple.host().map(Triple::triple).orElse("an unknown triple"),
        Runtime.getRuntime().availableProcessors());
    line("Medians. Compile: of every sampled call (JMH sample mode, 1 fork, 3 s"
        + " after 3 s of warm-up); execution and emit: of 1-s iterations (1 fork); fresh JVMs:"
        + " of %d launches per JIT, alternating; C: of 21 or more samples (gcc -O2).",
        freshJvms.get("stencil").count());
    compileLatency();
    freshJvm();
    execution();
    emit();
    return out.toString();
  }

  private void compileLatency() {
    line("%n(a) Compile latency, program -> callable: stencil runtime (append, finish, entry"
        + " MethodHandle; code freed after), the same with the register VM's stencils, bytecode"
        + " baseline (java.lang.classfile, hidden class, instance), floor (copy every stencil to"
        + " pages mapped and faulted in before, one store per hole, one mprotect RW -> RX), copies"
        + " (the floor without the mprotect)");
    line("  %-24s %8s %10s %10s %10s %10s %10s %10s %10s %10s", "program", "stencils", "stencil",
        "register", "bytecode", "floor", "copies", "bytecode /", "stencil /", "stencil /");
    line("  %-24s %8s %10s %10s %10s %10s %10s %10s %10s %10s", "", "", "runtime", "VM",
        "baseline", "", "", "stencil", "floor", "copies");
    for (String key : BenchmarkPrograms.KEYS) {
      Program program = BenchmarkPrograms.program(key);
      double stencil = get("CompileBenchmark.stencil:" + key).median();
      double bytecode = get("CompileBenchmark.bytecode:" + key).median();
      double floor = get("CompileBenchmark.floor:" + key).median();
      double copies = get("CompileBenchmark.copies:" + key).median();
      line("  %-24s %8d %10s %10s %10s %10s %10s %9.1fx %9.1fx %9.1fx", program.name(),
          program.code().size() + 1, time(stencil),
          time(get("CompileBenchmark.registers:" + key).median()), time(bytecode), time(floor),
          time(copies), bytecode / stencil, stencil / floor, stencil / copies);
    }
    List<String> small = BenchmarkPrograms.KEYS.stream()
        .filter(key -> !key.equals(BenchmarkPrograms.LARGE)).toList();
    long met = small.stream().filter(key -> {
      double stencil = get("CompileBenchmark.stencil:" + key).median();
      return stencil <= 2000 && get("CompileBenchmark.bytecode:" + key).median() / stencil >= 10;
    }).count();
    line("  Target (issue 11), small programs <= 2 us and >= 10x faster than the baseline: %s"
        + " (%d of %d)", met == small.size() ? "met" : "NOT met", met, small.size());
    double stencil = get("CompileBenchmark.stencil:" + BenchmarkPrograms.LARGE).median();
    double floor = get("CompileBenchmark.floor:" + BenchmarkPrograms.LARGE).median();
    double copies = get("CompileBenchmark.copies:" + BenchmarkPrograms.LARGE).median();
    line("  Target (issue 11), the 10,000-instruction program within 2x of the floor: %s"
        + " (%.1fx; %.1fx of the copies alone)", stencil <= 2 * floor ? "met" : "NOT met",
        stencil / floor, stencil / copies);
  }

  private void freshJvm() {
    line("%n(b) Launch -> first result, factorial(20) compiled and run in a fresh JVM");
    freshJvmRows("");
    double bytecode = freshJvms.get(FreshJvms.BYTECODE).median();
    double ratio = freshJvms.get(FreshJvms.STENCIL).median() / bytecode;
    line("  Target (issue 11), stencil runtime no slower than the baseline: %s (%.2fx; the JDK's"
        + " FFM alone: %.2fx)", ratio <= 1 ? "met" : "NOT met", ratio,
        freshJvms.get(FreshJvms.FFM_FLOOR).median() / bytecode);
    if (freshJvms.containsKey(FreshJvms.STENCIL + FreshJvms.AOT)) {
      line("  With an AOT cache each (JDK 25 -XX:AOTCache, written by one training run of the"
          + " same JIT; not the target's measure):");
      freshJvmRows(FreshJvms.AOT);
    }
  }

  /**
   * A row per JIT and one for the FFM floor (the native linker and one downcall linked and
   * called, which any JIT on the foreign function API pays), of the launches whose key ends
   * with {@code suffix}.
   */
  private void freshJvmRows(String suffix) {
    for (String jit : FreshJvms.LAUNCHED) {
      Statistics s = freshJvms.get(jit + suffix);
      line("  %-24s %12s   [%s - %s, n = %d]", switch (jit) {
        case FreshJvms.STENCIL -> "stencil runtime";
        case FreshJvms.BYTECODE -> "bytecode baseline";
        default -> "JDK FFM alone";
      }, time(s.median()), time(s.min()), time(s.max()), s.count());
    }
  }

  private void execution() {
    line("%n(c) Execution, time per call: Java interpreter (C2-compiled switch), stencil JIT"
        + " (stack VM), register JIT (register VM: the VM's state in registers), bytecode JIT"
        + " (HotSpot, C2 when the method is small enough), C interpreter, C JIT (stack VM),"
        + " C register JIT");
    line("  %-24s %9s %12s %12s %12s %12s %12s %12s %12s %10s %10s", "program", "bytecode",
        "Java interp.", "stencil JIT", "register JIT", "bytecode JIT", "C interp.", "C JIT",
        "C register", "stencil /", "register /");
    line("  %-24s %9s %12s %12s %12s %12s %12s %12s %12s %10s %10s", "", "bytes", "", "", "", "",
        "", "", "JIT", "bytecode", "bytecode");
    Geomean stencils = new Geomean();
    Geomean registers = new Geomean();
    for (String key : BenchmarkPrograms.KEYS) {
      Program program = BenchmarkPrograms.program(key);
      double stencil = get("ExecutionBenchmark.stencil:" + key).median();
      double register = get("ExecutionBenchmark.registers:" + key).median();
      double bytecode = get("ExecutionBenchmark.bytecode:" + key).median();
      line("  %-24s %9d %12s %12s %12s %12s %12s %12s %12s %9.2fx %9.2fx", program.name(),
          BytecodeJit.bytecodeSize(program),
          time(get("ExecutionBenchmark.interpreter:" + key).median()), time(stencil),
          time(register), time(bytecode), time(c.interpreter(program.name())),
          time(c.jit(program.name())), time(c.registerJit(program.name())),
          stencil / bytecode, register / bytecode);
      boolean large = key.equals(BenchmarkPrograms.LARGE);
      stencils.add(stencil / bytecode, large);
      registers.add(register / bytecode, large);
    }
    line("  Target (issue 12), stencil JIT within 1.5x of the bytecode JIT (geometric mean): %s"
        + " for the register JIT (%.2fx over all %d programs; %.2fx without the"
        + " 10,000-instruction one); the stack VM's: %.2fx and %.2fx",
        registers.all() <= 1.5 ? "met" : "NOT met", registers.all(), registers.count(),
        registers.small(), stencils.all(), stencils.small());
    int huge = BytecodeJit.bytecodeSize(BenchmarkPrograms.program(BenchmarkPrograms.LARGE));
    line("  synthetic(10000) is %,d bytes of bytecode, over HotSpot's HugeMethodLimit (%,d):"
        + " HotSpot never compiles it, it runs in the bytecode interpreter.", huge,
        HUGE_METHOD_LIMIT);
  }

  private void emit() {
    long bytes = emittedBytes();
    int stencils = BenchmarkPrograms.LENGTH + 1;
    line("%n(d) Emit the 10,000-instruction program: %,d stencils, %,d bytes of code and data",
        stencils, bytes);
    line("  %-44s %12s %12s %10s", "", "per program", "per stencil", "MB/s");
    emitRow("Java: append (copy, record)", get("EmitBenchmark.append"), stencils, bytes);
    emitRow("Java: append + finish (patch, place, free)", get("EmitBenchmark.appendAndFinish"),
        stencils, bytes);
    for (COutput.Emit emit : c.emits) {
      emitRow("C: " + emit.what() + " (generated header)", emit.time(), emit.stencils(),
          emit.bytes());
    }
  }

  /** The code and data bytes of the large program, compiled once. */
  private static long emittedBytes() {
    try (Arena arena = Arena.ofConfined()) {
      JitFunction function = new StackVmJit(arena)
          .assemble(Programs.synthetic(BenchmarkPrograms.LENGTH)).finish(arena);
      return function.code().byteSize() + function.data().byteSize();
    }
  }

  private Statistics get(String key) {
    Statistics statistics = results.get(key);
    if (statistics == null) {
      throw new IllegalStateException("no result for " + key + "; there are " + results.keySet());
    }
    return statistics;
  }

  private void emitRow(String label, Statistics s, int stencils, long bytes) {
    line("  %-44s %12s %9.1f ns %10.0f", label, time(s.median()), s.median() / stencils,
        bytes / (s.median() / 1e9) / 1e6);
  }

  private void line(String format, Object... arguments) {
    out.append(String.format(format, arguments)).append('\n');
  }

  /** Nanoseconds in the unit that keeps 3-4 significant digits; "-" if not measured. */
  private static String time(double nanos) {
    if (Double.isNaN(nanos)) {
      return "-";
    }
    if (nanos >= 1e6) {
      return String.format("%.2f ms", nanos / 1e6);
    }
    if (nanos >= 1e3) {
      return String.format("%.1f us", nanos / 1e3);
    }
    return String.format("%.1f ns", nanos);
  }
}
