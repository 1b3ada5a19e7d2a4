package io.stencil4j.benchmarks;

import io.stencil4j.examples.stackvm.Program;
import io.stencil4j.examples.stackvm.RegisterVmJit;
import io.stencil4j.examples.stackvm.StackVmJit;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
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
 * Compile latency, program to something callable, for each benchmarked program: the stencil
 * runtime, the bytecode baseline and the floor of copy-and-patch ({@link CopyFloor}), with and
 * without its protection change. Sampled, so that the median (p0.50) is there to read on a
 * machine that other work shares.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class CompileBenchmark {
  /** {@link BenchmarkPrograms#KEYS}. */
  @Param({"factorial", "sum", "fibonacci", "primes", "squares", "synthetic10000"})
  public String program;

  private Arena arena;
  private StackVmJit jit;
  private RegisterVmJit registerJit;
  private Program code;

  /** The floor's pages, mapped once. */
  @State(Scope.Thread)
  public static class Copies {
    CopyFloor floor;

    @Setup
    public void setUp(CompileBenchmark benchmark) {
      floor = new CopyFloor(BenchmarkPrograms.program(benchmark.program));
    }

    @TearDown
    public void tearDown() {
      floor.close();
    }
  }

  /** The floor's pages, made writable again after each measured call. */
  @State(Scope.Thread)
  public static class Floor extends Copies {
    @TearDown(Level.Invocation)
    public void makeWritable() {
      floor.makeWritable();
    }
  }

  @Setup
  public void setUp() {
    arena = Arena.ofConfined();
    jit = new StackVmJit(arena);
    registerJit = new RegisterVmJit();
    code = BenchmarkPrograms.program(program);
  }

  @TearDown
  public void tearDown() {
    arena.close();
  }

  /** Append, finish (patch, executable memory), entry handle; the code freed after. */
  @Benchmark
  public MethodHandle stencil() {
    try (Arena function = Arena.ofConfined()) {
      return jit.assemble(code).finish(function).handle(StackVmJit.ENTRY);
    }
  }

  /** The same with the register VM's stencils, which keep the VM's state in registers. */
  @Benchmark
  public MethodHandle registers() {
    try (Arena function = Arena.ofConfined()) {
      return registerJit.assemble(code).finish(function).handle(StackVmJit.ENTRY);
    }
  }

  /** Translate to bytecode, define a hidden class, instantiate it; unloaded by a later GC. */
  @Benchmark
  public LongSupplier bytecode() {
    return BytecodeJit.compile(code);
  }

  /** Copy every stencil, store every hole, one mprotect to read-execute. */
  @Benchmark
  public MemorySegment floor(Floor floor) {
    return floor.floor.emit();
  }

  /** The floor without the mprotect: copy every stencil, store every hole. */
  @Benchmark
  public MemorySegment copies(Copies copies) {
    return copies.floor.copy();
  }
}
