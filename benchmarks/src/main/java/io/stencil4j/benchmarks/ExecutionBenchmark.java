package io.stencil4j.benchmarks;

import io.stencil4j.examples.stackvm.CompiledProgram;
import io.stencil4j.examples.stackvm.Interpreter;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/** The example programs JIT-compiled against the Java interpreter (itself compiled by C2). */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class ExecutionBenchmark {
  /** Keys of {@link #program(String)}: names with spaces and parentheses make poor JMH params. */
  @Param({"factorial", "sum", "fibonacci", "primes"})
  public String program;

  private Arena arena;
  private Interpreter interpreter;
  private CompiledProgram compiled;

  /** The C consumer's program for a {@link #program} key. */
  static Program program(String key) {
    return switch (key) {
      case "factorial" -> Programs.factorial();
      case "sum" -> Programs.sum();
      case "fibonacci" -> Programs.fibonacci();
      case "primes" -> Programs.sumOfSquaredPrimes();
      default -> throw new IllegalArgumentException("no program " + key);
    };
  }

  @Setup
  public void setUp() {
    Program chosen = program(program);
    arena = Arena.ofConfined();
    interpreter = new Interpreter(chosen);
    compiled = new StackVmJit(arena).compile(chosen, arena);
    if (interpreter.run() != compiled.run()) {
      throw new IllegalStateException(chosen + ": the JIT and the interpreter differ");
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
  public long jit() {
    return compiled.run();
  }
}
