package io.stencil4j.benchmarks;

import io.stencil4j.examples.stackvm.Program;
import io.stencil4j.examples.stackvm.Programs;
import io.stencil4j.examples.stackvm.StackVmJit;
import java.lang.foreign.Arena;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * From "start emitting" to "result returned" for factorial(20): in a fresh JVM (one shot per
 * fork), with and without setting the JIT up, and in a warm one.
 */
@State(Scope.Thread)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class FirstCallBenchmark {
  private static final int COLD_FORKS = 15;

  private Arena arena;
  private StackVmJit jit;
  private Program program;

  @Setup
  public void setUp() {
    arena = Arena.ofConfined();
    jit = new StackVmJit(arena);
    program = Programs.factorial();
  }

  @TearDown
  public void tearDown() {
    arena.close();
  }

  /**
   * Everything a process pays for its first JIT-compiled function: the stencils decoded, the
   * upcall stub, the system calls' downcall handles, the entry's downcall stub.
   */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @Warmup(iterations = 0)
  @Measurement(iterations = 1)
  @Fork(value = COLD_FORKS, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
  public long coldWithSetUp() {
    try (Arena code = Arena.ofConfined()) {
      return new StackVmJit(code).compile(Programs.factorial(), code).run();
    }
  }

  /** The first function of a fresh JVM whose JIT (stencils, upcall stub) is set up already. */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @Warmup(iterations = 0)
  @Measurement(iterations = 1)
  @Fork(value = COLD_FORKS, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
  public long cold() {
    try (Arena code = Arena.ofConfined()) {
      return jit.compile(program, code).run();
    }
  }

  /** A function compiled, called and freed in a warmed-up JVM. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @Warmup(iterations = 5, time = 1)
  @Measurement(iterations = 5, time = 1)
  @Fork(value = 2, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
  public long warm() {
    try (Arena code = Arena.ofConfined()) {
      return jit.compile(program, code).run();
    }
  }
}
