package io.stencil4j.benchmarks;

import io.stencil4j.examples.stackvm.Program;
import io.stencil4j.examples.stackvm.Programs;
import io.stencil4j.examples.stackvm.StackVmJit;
import java.lang.foreign.Arena;
import java.lang.invoke.MethodHandle;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Compile latency: a program to a callable handle (append, finish, handle), and its code freed,
 * for each example program and the 10,000-instruction one. Sampled, so that the median (p0.50)
 * is there to read on a machine that other work shares.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class CompileBenchmark {
  /** {@link ExecutionBenchmark#program}'s keys, and the emit benchmark's program. */
  @Param({"factorial", "sum", "fibonacci", "primes", "synthetic10000"})
  public String program;

  private Arena arena;
  private StackVmJit jit;
  private Program code;

  @Setup
  public void setUp() {
    arena = Arena.ofConfined();
    jit = new StackVmJit(arena);
    code = program.equals("synthetic10000") ? Programs.synthetic(EmitBenchmark.LENGTH)
        : ExecutionBenchmark.program(program);
  }

  @TearDown
  public void tearDown() {
    arena.close();
  }

  @Benchmark
  public MethodHandle compile() {
    try (Arena function = Arena.ofConfined()) {
      return jit.assemble(code).finish(function).handle(StackVmJit.ENTRY);
    }
  }
}
