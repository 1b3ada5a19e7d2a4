package io.stencil4j.examples.stackvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stencil4j.model.StencilLibrary;
import io.stencil4j.runtime.JitAssembler;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.foreign.Arena;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every program JIT-compiled from the generated stencils agrees with the interpreter. */
class StackVmJitTest {
  private Arena arena;
  private StackVmJit jit;

  @BeforeEach
  void setUp() {
    arena = Arena.ofConfined();
    jit = new StackVmJit(arena);
  }

  @AfterEach
  void tearDown() {
    arena.close();
  }

  static Stream<Program> programs() {
    List<Program> programs = new ArrayList<>(Programs.all());
    programs.add(Programs.sumOfSquares());
    for (int length : new int[] {2, 3, 16, 17, 10_000}) {
      programs.add(Programs.synthetic(length));
    }
    return programs.stream();
  }

  @ParameterizedTest
  @MethodSource("programs")
  void theJitAgreesWithTheInterpreter(Program program) {
    CompiledProgram compiled = jit.compile(program, arena);
    long expected = new Interpreter(program).run();
    assertEquals(expected, compiled.run());
    assertEquals(expected, compiled.run(), "a second run starts from the initial locals again");
  }

  @ParameterizedTest
  @MethodSource("randomPrograms")
  void theJitAgreesWithTheInterpreterOnRandomPrograms(Program program) {
    CompiledProgram compiled = jit.compile(program, arena);
    assertEquals(new Interpreter(program).run(), compiled.run(), program.name());
  }

  static Stream<Program> randomPrograms() {
    return LongStream.rangeClosed(1, 100).mapToObj(seed -> RandomPrograms.generate(seed, 8));
  }

  @Test
  void oneJitCompilesEveryProgramInTurnWithOneAssemblerAndEachKeepsWorking() {
    List<Program> programs = programs().toList();
    List<CompiledProgram> compiled = new ArrayList<>();
    JitAssembler assembler = jit.assemble(programs.get(0));
    for (Program program : programs) {
      compiled.add(jit.compile(program, arena));
    }
    assertSame(assembler, jit.assemble(programs.get(0)));
    for (int i = 0; i < programs.size(); i++) {
      assertEquals(new Interpreter(programs.get(i)).run(), compiled.get(i).run(),
          programs.get(i).name());
    }
  }

  @Test
  void theInterpreterComputesWhatTheProgramsSay() {
    assertEquals(2_432_902_008_176_640_000L, new Interpreter(Programs.factorial()).run());
    assertEquals(500_000_500_000L, new Interpreter(Programs.sum()).run());
    assertEquals(2_880_067_194_370_816_120L, new Interpreter(Programs.fibonacci()).run());
    assertEquals(13_275L, new Interpreter(Programs.sumOfSquaredPrimes()).run());
  }

  @Test
  void aFunctionEndingInAStencilThatFallsThroughIsRefused() {
    // the processor removed the jump to _JIT_CONTINUE that ended PUSH_CONST; RETURN returns
    // and JUMP jumps to its target
    StencilLibrary stencils = StackVmStencils.forHost();
    assertTrue(stencils.stencil("PUSH_CONST").fallsThrough());
    assertFalse(stencils.stencil("RETURN").fallsThrough());
    assertFalse(stencils.stencil("JUMP").fallsThrough());
    JitAssembler assembler = new JitAssembler(stencils);
    StackVm vm = StackVmStencils.emitter(assembler);
    vm.shim();
    vm.pushConst(1);
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> assembler.finish(arena));
    assertEquals(String.format("stencil PUSH_CONST (#1, at code offset %#x) is the last stencil,"
        + " but it continues to the next one (it falls through: its jump to _JIT_CONTINUE was"
        + " removed); end the function with a stencil that returns or jumps",
        stencils.stencil("SHIM").codeSize()), e.getMessage());
  }

  @Test
  void theSyntheticProgramHasTheLengthAsked() {
    assertEquals(10_000, Programs.synthetic(10_000).code().size());
    assertEquals(17, Programs.synthetic(17).code().size());
  }

  @Test
  void mainPrintsARowPerProgramAndNoDifference() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int different = StackVmMain.report(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
    assertEquals(0, different);
    assertEquals("stack VM (Java), stencils for " + jit.triple(), lines[0]);
    assertEquals(7, lines.length);
    assertEquals("factorial(20)               2432902008176640000    2432902008176640000"
        + "    2432902008176640000  equal", lines[2]);
    assertEquals("4 programs, 0 different", lines[6]);
  }
}
