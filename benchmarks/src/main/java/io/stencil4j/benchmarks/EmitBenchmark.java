package io.stencil4j.benchmarks;

import io.stencil4j.examples.stackvm.Program;
import io.stencil4j.examples.stackvm.Programs;
import io.stencil4j.examples.stackvm.StackVmJit;
import io.stencil4j.runtime.JitAssembler;
import io.stencil4j.runtime.JitFunction;
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

/** How fast the Java JIT emits a 10,000-instruction stack VM program. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class EmitBenchmark {
  private Arena arena;
  private StackVmJit jit;
  private Program program;

  @Setup
  public void setUp() {
    arena = Arena.ofConfined();
    jit = new StackVmJit(arena);
    program = Programs.synthetic(BenchmarkPrograms.LENGTH);
  }

  @TearDown
  public void tearDown() {
    arena.close();
  }

  /** Copying each stencil and recording its parameters and labels, through the emitter. */
  @Benchmark
  public JitAssembler append() {
    return jit.assemble(program);
  }

  /**
   * All of it: appending, then resolving labels and symbols, placing the function in executable
   * memory, patching every hole and, when the arena closes, freeing it.
   */
  @Benchmark
  public JitFunction appendAndFinish() {
    try (Arena code = Arena.ofConfined()) {
      return jit.assemble(program).finish(code);
    }
  }
}
