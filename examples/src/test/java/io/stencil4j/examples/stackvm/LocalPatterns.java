package io.stencil4j.examples.stackvm;

import static io.stencil4j.examples.stackvm.Instruction.of;

import java.util.ArrayList;
import java.util.List;

/**
 * Programs that hold each sequence the register VM fuses into a superinstruction on locals, for
 * every combination of locals and for the constants that pick a specialised stencil, each
 * branch both taken and not: so that every variant of those superinstructions runs, which
 * random programs reach only by chance.
 */
public final class LocalPatterns {
  /** Two sets of initial locals that order the locals differently, so branches go both ways. */
  private static final List<List<Long>> LOCALS =
      List.of(List.of(-3L, 5L, 11L, -7L), List.of(9L, -2L, 0L, 4L));
  private static final long[] CONSTANTS = {0, 1, 7};

  private LocalPatterns() {}

  /** Every pattern with every combination of locals, constants and initial locals. */
  public static List<Program> all() {
    List<List<Instruction>> bodies = new ArrayList<>();
    for (int a = 0; a < Program.MAX_LOCALS; a++) {
      for (int b = 0; b < Program.MAX_LOCALS; b++) {
        bodies.add(List.of(of(Op.LOAD_LOCAL, a), of(Op.STORE_LOCAL, b)));
        for (Op op : new Op[] {Op.ADD, Op.MUL}) {
          for (int c = 0; c < Program.MAX_LOCALS; c++) {
            bodies.add(List.of(of(Op.LOAD_LOCAL, a), of(Op.LOAD_LOCAL, b), of(op),
                of(Op.STORE_LOCAL, c)));
          }
        }
        for (long constant : CONSTANTS) {
          for (Op op : new Op[] {Op.ADD, Op.SUB}) {
            bodies.add(List.of(of(Op.LOAD_LOCAL, a), of(Op.PUSH_CONST, constant), of(op),
                of(Op.STORE_LOCAL, b)));
          }
        }
        bodies.add(branch(of(Op.LOAD_LOCAL, a), of(Op.LOAD_LOCAL, b), b));
      }
      for (long constant : CONSTANTS) {
        bodies.add(branch(of(Op.LOAD_LOCAL, a), of(Op.PUSH_CONST, constant), a));
        bodies.add(branch(of(Op.PUSH_CONST, constant), of(Op.LOAD_LOCAL, a), a));
      }
    }
    List<Program> programs = new ArrayList<>();
    for (List<Instruction> body : bodies) {
      for (List<Long> locals : LOCALS) {
        List<Instruction> code = new ArrayList<>(body);
        // the result depends on every local
        code.addAll(List.of(of(Op.LOAD_LOCAL, 0), of(Op.LOAD_LOCAL, 1), of(Op.MUL),
            of(Op.LOAD_LOCAL, 2), of(Op.ADD), of(Op.LOAD_LOCAL, 3), of(Op.SUB), of(Op.RETURN)));
        programs.add(new Program("locals " + body + " from " + locals, code, locals));
      }
    }
    return programs;
  }

  /** {@code if (left < right) local += 100}: the comparison, its branch and a block to skip. */
  private static List<Instruction> branch(Instruction left, Instruction right, int local) {
    return List.of(left, right, of(Op.LESS_THAN), of(Op.JUMP_IF_FALSE, 8),
        of(Op.LOAD_LOCAL, local), of(Op.PUSH_CONST, 100), of(Op.ADD), of(Op.STORE_LOCAL, local));
  }
}
