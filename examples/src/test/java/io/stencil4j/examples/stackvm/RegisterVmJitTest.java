package io.stencil4j.examples.stackvm;

import static io.stencil4j.examples.stackvm.Instruction.of;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.util.Collections;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The register VM's JIT agrees with the interpreter, and so with the stack VM's JIT, on the
 * example programs and on random ones that use every variant.
 */
class RegisterVmJitTest {
  private Arena arena;
  private RegisterVmJit jit;

  @BeforeEach
  void setUp() {
    arena = Arena.ofConfined();
    jit = new RegisterVmJit();
  }

  @AfterEach
  void tearDown() {
    arena.close();
  }

  static Stream<Program> randomPrograms() {
    return LongStream.rangeClosed(1, 300).mapToObj(seed -> RandomPrograms.generate(seed, 4));
  }

  @ParameterizedTest
  @MethodSource("io.stencil4j.examples.stackvm.StackVmJitTest#programs")
  void theJitAgreesWithTheInterpreter(Program program) {
    assertRunsAsInterpreted(program);
  }

  @ParameterizedTest
  @MethodSource("randomPrograms")
  void theJitAgreesWithTheInterpreterOnRandomPrograms(Program program) {
    assertRunsAsInterpreted(program);
  }

  @Test
  void everySuperinstructionOnLocalsAgreesWithTheInterpreterWithEveryLocal() {
    LocalPatterns.all().forEach(this::assertRunsAsInterpreted);
  }

  @Test
  void theRandomProgramsReachEveryDepthAndUseEveryOperation() {
    int[] depths = new int[RegisterVm.MAX_STACK + 1];
    int[] ops = new int[Op.values().length];
    randomPrograms().forEach(program -> {
      depths[program.maxDepth()]++;
      program.code().forEach(instruction -> ops[instruction.op().ordinal()]++);
    });
    for (int depth = 2; depth <= RegisterVm.MAX_STACK; depth++) {
      assertTrue(depths[depth] > 0, "no program reaches depth " + depth);
    }
    for (Op op : Op.values()) {
      assertTrue(ops[op.ordinal()] > 0, "no program uses " + op);
    }
  }

  @Test
  void theRandomProgramsHoldEverySequenceThatBecomesASuperinstruction() {
    List<List<Op>> sequences = List.of(List.of(Op.PUSH_CONST, Op.ADD),
        List.of(Op.PUSH_CONST, Op.SUB), List.of(Op.PUSH_CONST, Op.MUL),
        List.of(Op.LESS_THAN, Op.JUMP_IF_FALSE),
        List.of(Op.PUSH_CONST, Op.LESS_THAN, Op.JUMP_IF_FALSE),
        List.of(Op.LOAD_LOCAL, Op.STORE_LOCAL),
        List.of(Op.LOAD_LOCAL, Op.LOAD_LOCAL, Op.ADD, Op.STORE_LOCAL),
        List.of(Op.LOAD_LOCAL, Op.LOAD_LOCAL, Op.MUL, Op.STORE_LOCAL),
        List.of(Op.LOAD_LOCAL, Op.PUSH_CONST, Op.ADD, Op.STORE_LOCAL),
        List.of(Op.LOAD_LOCAL, Op.PUSH_CONST, Op.SUB, Op.STORE_LOCAL),
        List.of(Op.LOAD_LOCAL, Op.PUSH_CONST, Op.LESS_THAN, Op.JUMP_IF_FALSE),
        List.of(Op.PUSH_CONST, Op.LOAD_LOCAL, Op.LESS_THAN, Op.JUMP_IF_FALSE),
        List.of(Op.LOAD_LOCAL, Op.LOAD_LOCAL, Op.LESS_THAN, Op.JUMP_IF_FALSE));
    // as the JIT takes them: with their constants folded
    List<List<Op>> programs = randomPrograms()
        .map(program -> ConstantFolding.folded(program).code().stream().map(Instruction::op)
            .toList())
        .toList();
    for (List<Op> sequence : sequences) {
      assertTrue(programs.stream().anyMatch(ops -> Collections.indexOfSubList(ops, sequence) >= 0),
          "no program holds " + sequence);
    }
  }

  @Test
  void aProgramDeeperThanTheRegistersIsRefused() {
    Program deep = new Program("deep", List.of(of(Op.PUSH_CONST, 1), of(Op.PUSH_CONST, 2),
        of(Op.PUSH_CONST, 3), of(Op.PUSH_CONST, 4), of(Op.PUSH_CONST, 5), of(Op.ADD),
        of(Op.ADD), of(Op.ADD), of(Op.ADD), of(Op.RETURN)), List.of());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> jit.assemble(deep));
    assertEquals("deep: uses 5 stack slots; the register VM keeps at most 4 in registers"
        + " (StackVmJit has no such limit)", e.getMessage());
  }

  @Test
  void instructionsNoPathReachesAreLeftOut() {
    // ADD after RETURN has no stack depth to pick a variant by
    Program program = new Program("dead code", List.of(of(Op.PUSH_CONST, 7), of(Op.RETURN),
        of(Op.ADD), of(Op.RETURN)), List.of());
    assertRunsAsInterpreted(program);
  }

  @Test
  void aProgramWhoseArenaIsClosedRefusesToRun() {
    CompiledProgram compiled;
    try (Arena closed = Arena.ofConfined()) {
      compiled = jit.compile(Programs.factorial(), closed);
      assertEquals(2_432_902_008_176_640_000L, compiled.run());
    }
    IllegalStateException e = assertThrows(IllegalStateException.class, compiled::run);
    assertEquals("Already closed", e.getMessage());
  }

  private void assertRunsAsInterpreted(Program program) {
    CompiledProgram compiled = jit.compile(program, arena);
    long expected = new Interpreter(program).run();
    assertEquals(expected, compiled.run(), program.name());
    assertEquals(expected, compiled.run(), "a second run starts from the initial locals again");
  }
}
