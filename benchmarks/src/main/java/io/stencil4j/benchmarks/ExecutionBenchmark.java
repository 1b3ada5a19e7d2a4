package io.stencil4j.benchmarks;

import io.stencil4j.examples.stackvm.CompiledProgram;
import io.stencil4j.examples.stackvm.Interpreter;
import io.stencil4j.examples.stackvm.Program;
import io.stencil4j.examples.stackvm.RegisterVmJit;
import io.stencil4j.examples.stackvm.StackVmJit;
import java.lang.foreign.Arena;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
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
 * One run of each benchmarked program: the Java interpreter (itself compiled by C2), the stencil
 * JITs (the stack VM's, and the register VM's, which keeps the VM's state in registers) and the
 * bytecode baseline (HotSpot's tiers, C2 once hot, unless the method is too large).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 4, time = 1)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class ExecutionBenchmark {
  /** {@link BenchmarkPrograms#KEYS}. */
  @Param({"factorial", "sum", "fibonacci", "primes", "squares", "synthetic10000"})
  public String program;

  private Arena arena;
  private Interpreter interpreter;
  private CompiledProgram stencils;
  private CompiledProgram registers;
  private LongSupplier bytecode;

  @Setup
  public void setUp() {
    Program chosen = BenchmarkPrograms.program(program);
    arena = Arena.ofConfined();
    interpreter = new Interpreter(chosen);
    stencils = new StackVmJit(arena).compile(chosen, arena);
    registers = new RegisterVmJit().compile(chosen, arena);
    bytecode = BytecodeJit.compile(chosen);
    long expected = interpreter.run();
    if (stencils.run() != expected || registers.run() != expected
        || bytecode.getAsLong() != expected) {
      throw new IllegalStateException(chosen + ": the JITs and the interpreter differ");
    }
  }

  @TearDown
  public void tearDown() {
    arena.close();
  }

  @Benchmark
  public long interpreter() {
    return interpreter.run();
  }

  @Benchmark
  public long stencil() {
    return stencils.run();
  }

  @Benchmark
  public long registers() {
    return registers.run();
  }

  @Benchmark
  public long bytecode() {
    return bytecode.getAsLong();
  }
}
