package io.stencil4j.benchmarks;

import static io.stencil4j.examples.stackvm.Instruction.of;
import static io.stencil4j.examples.stackvm.Op.ADD;
import static io.stencil4j.examples.stackvm.Op.JUMP;
import static io.stencil4j.examples.stackvm.Op.JUMP_IF_FALSE;
import static io.stencil4j.examples.stackvm.Op.LESS_THAN;
import static io.stencil4j.examples.stackvm.Op.LOAD_LOCAL;
import static io.stencil4j.examples.stackvm.Op.PUSH_CONST;
import static io.stencil4j.examples.stackvm.Op.RETURN;
import static io.stencil4j.examples.stackvm.Op.STORE_LOCAL;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.stencil4j.examples.stackvm.Interpreter;
import io.stencil4j.examples.stackvm.Program;
import io.stencil4j.examples.stackvm.RegisterVmJit;
import io.stencil4j.examples.stackvm.StackVmJit;
import io.stencil4j.model.Hole;
import io.stencil4j.model.StencilGroup;
import io.stencil4j.runtime.JitFunction;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The baselines the benchmarks compare the stencil runtime with compute or copy what they claim
 * to: the bytecode JIT gives the interpreter's result, as the stencil JIT does, and the floor
 * copies the stencil runtime's bytes.
 */
class BaselinesTest {
  /** Every benchmarked program, and comparisons that the bytecode JIT cannot fuse. */
  static Stream<Program> programs() {
    Program comparisons = new Program("comparisons", List.of(
        of(PUSH_CONST, -1), of(PUSH_CONST, 1), of(LESS_THAN), of(PUSH_CONST, 10),
        of(LOAD_LOCAL, 0), of(LESS_THAN), of(ADD), of(STORE_LOCAL, 1),
        // a JUMP_IF_FALSE that a jump goes to stays apart from its LESS_THAN
        of(LOAD_LOCAL, 1), of(PUSH_CONST, 2), of(LESS_THAN), of(JUMP, 12),
        of(JUMP_IF_FALSE, 15), of(LOAD_LOCAL, 1), of(RETURN), of(PUSH_CONST, 100), of(RETURN)),
        List.of(7L));
    return Stream.concat(BenchmarkPrograms.KEYS.stream().map(BenchmarkPrograms::program),
        Stream.of(comparisons));
  }

  /** A wrong jump or operation can make a loop endless: the JIT code then runs on, detached. */
  @ParameterizedTest
  @MethodSource("programs")
  @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void everyJitGivesTheInterpretersResult(Program program) {
    long expected = new Interpreter(program).run();
    try (Arena arena = Arena.ofConfined()) {
      assertEquals(expected, new StackVmJit(arena).compile(program, arena).run(), "stencils");
      assertEquals(expected, new RegisterVmJit().compile(program, arena).run(),
          "register VM's stencils");
    }
    LongSupplier bytecode = BytecodeJit.compile(program);
    assertEquals(expected, bytecode.getAsLong(), "bytecode");
    assertEquals(expected, bytecode.getAsLong(), "bytecode, run again from the initial locals");
  }

  @Test
  void theLargeProgramIsTooLargeForHotSpotToCompileAndTheOthersAreNot() {
    for (String key : BenchmarkPrograms.KEYS) {
      int size = BytecodeJit.bytecodeSize(BenchmarkPrograms.program(key));
      assertEquals(key.equals(BenchmarkPrograms.LARGE), size > 8000, key + ": " + size + " bytes");
    }
  }

  @ParameterizedTest
  @MethodSource("programs")
  void theFloorCopiesTheStencilRuntimesBytesOutsideTheHoles(Program program) {
    List<StencilGroup> stencils = CopyFloor.stencils(program);
    try (Arena arena = Arena.ofConfined(); CopyFloor floor = new CopyFloor(program)) {
      JitFunction function = new StackVmJit(arena).assemble(program).finish(arena);
      MemorySegment code = floor.emit();
      assertEquals(masked(function.code(), stencils, StencilGroup::codeHoles, true),
          masked(code, stencils, StencilGroup::codeHoles, true));
      assertEquals(masked(function.data(), stencils, StencilGroup::dataHoles, false),
          masked(floor.data(), stencils, StencilGroup::dataHoles, false));
      floor.makeWritable();
      floor.emit();
    }
  }

  /** {@code bytes} with every hole's bytes zeroed, as a string for a readable failure. */
  private static String masked(MemorySegment bytes, List<StencilGroup> stencils,
      Function<StencilGroup, List<Hole>> holes, boolean code) {
    byte[] copy = bytes.toArray(ValueLayout.JAVA_BYTE);
    int at = 0;
    for (StencilGroup stencil : stencils) {
      for (Hole hole : holes.apply(stencil)) {
        for (int i = 0; i < hole.kind().width(); i++) {
          copy[at + hole.offset() + i] = 0;
        }
      }
      at += code ? stencil.codeSize() : CopyFloor.dataSpan(stencil.dataSize());
    }
    assertEquals(at, copy.length, "the stencils' total size");
    return HexFormat.of().formatHex(copy);
  }
}
