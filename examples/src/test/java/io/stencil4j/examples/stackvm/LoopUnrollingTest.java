package io.stencil4j.examples.stackvm;

import static io.stencil4j.examples.stackvm.Instruction.of;
import static io.stencil4j.examples.stackvm.LaidOutPrograms.assertVerifiesWithTheSameDepths;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Unrolled programs compute what the originals compute, on random programs (loops nested three
 * deep, with exits and skipped blocks inside), and their code is laid out as the class promises.
 */
class LoopUnrollingTest {
  @Test
  void unrolledRandomProgramsAgreeWithTheOriginals() {
    int unrolled = 0;
    for (long seed = 1; seed <= 3000; seed++) {
      Program program = RandomPrograms.generate(seed, 2 + (int) (seed % 7));
      Program laidOut = LoopUnrolling.unrolled(program);
      if (laidOut != program) {
        unrolled++;
      }
      assertEquals(new Interpreter(program).run(), new Interpreter(laidOut).run(),
          program.name());
      assertVerifiesWithTheSameDepths(laidOut);
    }
    assertTrue(unrolled > 1000, "only " + unrolled + " of 3000 programs had a loop unrolled");
  }

  @Test
  void sumRunsFourCopiesOfItsBodyPerJumpBack() {
    Program sum = Programs.sum();
    List<Instruction> body = sum.code().subList(0, 12);
    List<Instruction> expected = new ArrayList<>();
    for (int copy = 0; copy < 4; copy++) {
      for (Instruction instruction : body) {
        expected.add(instruction.op() == Op.JUMP_IF_FALSE ? of(Op.JUMP_IF_FALSE, 49)
            : instruction);
      }
    }
    expected.addAll(List.of(of(Op.JUMP, 0), of(Op.LOAD_LOCAL, 0), of(Op.RETURN)));
    Program laidOut = LoopUnrolling.unrolled(sum);
    assertEquals(expected, laidOut.code());
    assertEquals(new Interpreter(sum).run(), new Interpreter(laidOut).run());
  }

  /**
   * A loop entered in its middle from outside, with a jump from inside to its jump back: the
   * first goes to the first copy, the other stays in its copy and so goes to the next one.
   */
  @Test
  void jumpsGoToTheFirstCopyFromOutsideAndStayInTheirCopyFromInside() {
    Program program = new Program("entered in the middle", List.of(
        of(Op.PUSH_CONST, 0), of(Op.JUMP_IF_FALSE, 6),
        // 2: while (0 < n) { n -= 1; if (n < 5) continue; s += n; }
        of(Op.PUSH_CONST, 0), of(Op.LOAD_LOCAL, 0), of(Op.LESS_THAN), of(Op.JUMP_IF_FALSE, 20),
        of(Op.LOAD_LOCAL, 0), of(Op.PUSH_CONST, 1), of(Op.SUB), of(Op.STORE_LOCAL, 0),
        of(Op.LOAD_LOCAL, 0), of(Op.PUSH_CONST, 5), of(Op.LESS_THAN), of(Op.JUMP_IF_FALSE, 15),
        of(Op.JUMP, 19),
        of(Op.LOAD_LOCAL, 1), of(Op.LOAD_LOCAL, 0), of(Op.ADD), of(Op.STORE_LOCAL, 1),
        of(Op.JUMP, 2),
        of(Op.LOAD_LOCAL, 1), of(Op.RETURN)),
        List.of(12L, 0L));
    Program laidOut = LoopUnrolling.unrolled(program);
    List<Instruction> code = laidOut.code();
    int length = 17;
    int copies = 3;
    int jumpBack = 2 + copies * length;
    assertEquals(jumpBack + 3, code.size());
    assertEquals(of(Op.JUMP_IF_FALSE, 6), code.get(1));
    for (int copy = 0; copy < copies; copy++) {
      int start = 2 + copy * length;
      assertEquals(of(Op.JUMP_IF_FALSE, jumpBack + 1), code.get(start + 3));
      assertEquals(of(Op.JUMP_IF_FALSE, start + 13), code.get(start + 11));
      assertEquals(of(Op.JUMP, start + length), code.get(start + 12));
    }
    assertEquals(of(Op.JUMP, 2), code.get(jumpBack));
    assertEquals(new Interpreter(program).run(), new Interpreter(laidOut).run());
    assertVerifiesWithTheSameDepths(laidOut);
  }

  @Test
  void onlyInnermostLoopsAreUnrolled() {
    // for (i = 2; 0 < i; i -= 1) for (j = 3; 0 < j; j -= 1) s += 1;
    Program nested = new Program("nested", List.of(
        of(Op.PUSH_CONST, 0), of(Op.LOAD_LOCAL, 0), of(Op.LESS_THAN), of(Op.JUMP_IF_FALSE, 24),
        of(Op.PUSH_CONST, 3), of(Op.STORE_LOCAL, 1),
        of(Op.PUSH_CONST, 0), of(Op.LOAD_LOCAL, 1), of(Op.LESS_THAN), of(Op.JUMP_IF_FALSE, 19),
        of(Op.LOAD_LOCAL, 2), of(Op.PUSH_CONST, 1), of(Op.ADD), of(Op.STORE_LOCAL, 2),
        of(Op.LOAD_LOCAL, 1), of(Op.PUSH_CONST, 1), of(Op.SUB), of(Op.STORE_LOCAL, 1),
        of(Op.JUMP, 6),
        of(Op.LOAD_LOCAL, 0), of(Op.PUSH_CONST, 1), of(Op.SUB), of(Op.STORE_LOCAL, 0),
        of(Op.JUMP, 0),
        of(Op.LOAD_LOCAL, 2), of(Op.RETURN)),
        List.of(2L, 0L, 0L));
    Program laidOut = LoopUnrolling.unrolled(nested);
    int inner = 12;
    assertEquals(nested.code().size() + 3 * inner, laidOut.code().size());
    assertEquals(of(Op.JUMP, 6), laidOut.code().get(6 + 4 * inner));
    assertEquals(of(Op.JUMP, 0), laidOut.code().get(laidOut.code().size() - 3));
    assertEquals(6L, new Interpreter(laidOut).run());
    assertVerifiesWithTheSameDepths(laidOut);
  }

  @Test
  void aProgramWithoutLoopsIsLeftAsItIs() {
    Program synthetic = Programs.synthetic(100);
    assertSame(synthetic, LoopUnrolling.unrolled(synthetic));
  }

  @Test
  void aBodyTooLongToCopyTwiceIsLeftAsItIs() {
    List<Instruction> code = new ArrayList<>(List.of(
        of(Op.PUSH_CONST, 0), of(Op.LOAD_LOCAL, 0), of(Op.LESS_THAN), of(Op.JUMP_IF_FALSE, 0)));
    while (code.size() < LoopUnrolling.MAX_UNROLLED / 2 + 1) {
      code.addAll(List.of(of(Op.LOAD_LOCAL, 0), of(Op.PUSH_CONST, 1), of(Op.SUB),
          of(Op.STORE_LOCAL, 0)));
    }
    int exit = code.size() + 1;
    code.set(3, of(Op.JUMP_IF_FALSE, exit));
    code.add(of(Op.JUMP, 0));
    code.addAll(List.of(of(Op.LOAD_LOCAL, 0), of(Op.RETURN)));
    Program program = new Program("long body", code, List.of(3L));
    assertSame(program, LoopUnrolling.unrolled(program));
  }
}
