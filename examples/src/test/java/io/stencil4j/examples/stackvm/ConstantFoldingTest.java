package io.stencil4j.examples.stackvm;

import static io.stencil4j.examples.stackvm.Instruction.of;
import static io.stencil4j.examples.stackvm.LaidOutPrograms.assertVerifiesWithTheSameDepths;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Folded programs compute what the originals compute, on random programs and with every
 * initial local they could start with, and their code is what the class promises.
 */
class ConstantFoldingTest {
  @Test
  void foldedRandomProgramsAgreeWithTheOriginals() {
    int folded = 0;
    for (long seed = 1; seed <= 3000; seed++) {
      Program program = RandomPrograms.generate(seed, 2 + (int) (seed % 7));
      Program result = ConstantFolding.folded(program);
      if (result != program) {
        folded++;
        assertTrue(result.code().size() <= program.code().size(), program.name());
      }
      assertEquals(new Interpreter(program).run(), new Interpreter(result).run(),
          program.name());
      assertVerifiesWithTheSameDepths(result);
    }
    assertTrue(folded > 2500, "only " + folded + " of 3000 programs had something folded");
  }

  @Test
  void theSumOfSquaredPrimesBecomesOneAdditionToItsLocal() {
    // 2² + 3² + 5² + ... + 53²
    long squares = 13_275;
    Program folded = ConstantFolding.folded(Programs.sumOfSquaredPrimes());
    assertEquals(List.of(of(Op.LOAD_LOCAL, 0), of(Op.PUSH_CONST, squares), of(Op.ADD),
        of(Op.STORE_LOCAL, 0), of(Op.LOAD_LOCAL, 0), of(Op.RETURN)), folded.code());
    assertEquals(squares, new Interpreter(folded).run());
  }

  /**
   * The constant pushed before a jump target is not known after it: the other path into it
   * pushes another.
   */
  @Test
  void nothingIsKnownAcrossAJumpTarget() {
    assertLeftAsItIsOnBothPaths(List.of(
        of(Op.LOAD_LOCAL, 1), of(Op.JUMP_IF_FALSE, 4),
        of(Op.PUSH_CONST, 5), of(Op.JUMP, 5),
        of(Op.PUSH_CONST, 7),
        // 5: both paths, with 5 or 7 on the stack
        of(Op.PUSH_CONST, 2), of(Op.MUL), of(Op.RETURN)), 14, 10);
  }

  @Test
  void aConstantOperandMovesAboveItsLocalAndIdentitiesDisappear() {
    Program program = new Program("identities", List.of(
        of(Op.PUSH_CONST, 3), of(Op.LOAD_LOCAL, 1), of(Op.MUL), of(Op.PUSH_CONST, 0), of(Op.ADD),
        of(Op.PUSH_CONST, 1), of(Op.MUL), of(Op.PUSH_CONST, 0), of(Op.SUB), of(Op.RETURN)),
        List.of(0L, 5L));
    Program folded = ConstantFolding.folded(program);
    assertEquals(List.of(of(Op.LOAD_LOCAL, 1), of(Op.PUSH_CONST, 3), of(Op.MUL), of(Op.RETURN)),
        folded.code());
    assertEquals(15, new Interpreter(folded).run());
    assertVerifiesWithTheSameDepths(folded);
  }

  /** The constant that ends a block stays there: the other path into the next one pushes another. */
  @Test
  void aConstantOperandMovesOnlyWithinItsBlock() {
    assertLeftAsItIsOnBothPaths(List.of(
        of(Op.LOAD_LOCAL, 1), of(Op.JUMP_IF_FALSE, 4),
        of(Op.PUSH_CONST, 100), of(Op.JUMP, 5),
        of(Op.PUSH_CONST, 3),
        // 5: from 3 and 4, with 100 or 3 on the stack
        of(Op.LOAD_LOCAL, 0), of(Op.ADD), of(Op.RETURN)), 10, 107);
  }

  /**
   * {@code code}, which branches on local 1 with local 0 at 7, has nothing to fold, and gives
   * {@code whenZero} and {@code whenOne} as local 1 is 0 or 1.
   */
  private static void assertLeftAsItIsOnBothPaths(List<Instruction> code, long whenZero,
      long whenOne) {
    for (long condition : List.of(0L, 1L)) {
      Program program = new Program("two paths", code, List.of(7L, condition));
      Program folded = ConstantFolding.folded(program);
      assertSame(program, folded);
      assertEquals(condition == 0 ? whenZero : whenOne, new Interpreter(folded).run());
    }
  }

  /** Two additions to a local merge only within a block: a jump may enter between them. */
  @Test
  void additionsToALocalMergeOnlyWithinABlock() {
    List<Instruction> code = List.of(
        of(Op.LOAD_LOCAL, 0), of(Op.PUSH_CONST, 2), of(Op.ADD), of(Op.STORE_LOCAL, 0),
        of(Op.LOAD_LOCAL, 0), of(Op.PUSH_CONST, 3), of(Op.ADD), of(Op.STORE_LOCAL, 0),
        of(Op.LOAD_LOCAL, 1), of(Op.JUMP_IF_FALSE, 14),
        of(Op.LOAD_LOCAL, 0), of(Op.PUSH_CONST, 4), of(Op.ADD), of(Op.STORE_LOCAL, 0),
        // 14: entered from 9 as well as from 13
        of(Op.LOAD_LOCAL, 0), of(Op.PUSH_CONST, 6), of(Op.ADD), of(Op.STORE_LOCAL, 0),
        of(Op.LOAD_LOCAL, 0), of(Op.RETURN));
    for (long condition : List.of(0L, 1L)) {
      Program folded = ConstantFolding.folded(new Program("additions", code,
          List.of(10L, condition)));
      assertEquals(List.of(
          of(Op.LOAD_LOCAL, 0), of(Op.PUSH_CONST, 5), of(Op.ADD), of(Op.STORE_LOCAL, 0),
          of(Op.LOAD_LOCAL, 1), of(Op.JUMP_IF_FALSE, 10),
          of(Op.LOAD_LOCAL, 0), of(Op.PUSH_CONST, 4), of(Op.ADD), of(Op.STORE_LOCAL, 0),
          of(Op.LOAD_LOCAL, 0), of(Op.PUSH_CONST, 6), of(Op.ADD), of(Op.STORE_LOCAL, 0),
          of(Op.LOAD_LOCAL, 0), of(Op.RETURN)), folded.code());
      assertEquals(condition == 0 ? 21 : 25, new Interpreter(folded).run());
      assertVerifiesWithTheSameDepths(folded);
    }
  }

  @Test
  void aProgramWithNothingToFoldIsLeftAsItIs() {
    Program factorial = Programs.factorial();
    assertSame(factorial, ConstantFolding.folded(factorial));
  }
}
