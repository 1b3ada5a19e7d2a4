package io.stencil4j.examples.stackvm;

import io.stencil4j.Label;
import java.util.Arrays;
import java.util.List;

/**
 * The jump targets of the program a JIT compiles, each with its label. A JIT compiles one
 * program after another: the labels are made once per instruction number and reused, and the
 * targets are marked with the program's number, so that nothing is cleared or allocated between
 * programs. A JIT that reads the targets from {@link Program#jumpTargets} uses only the labels.
 */
final class JumpTargets {
  private Label[] labels = new Label[0];
  /** By instruction, the number of the last program in which a jump goes to it. */
  private int[] targetIn = new int[0];
  private int programs;

  /** Marks the jump targets of {@code code}, the program compiled next. */
  void mark(List<Instruction> code) {
    if (targetIn.length < code.size()) {
      targetIn = Arrays.copyOf(targetIn, Math.max(code.size(), targetIn.length * 2));
    }
    programs++;
    for (Instruction instruction : code) {
      if (instruction.op() == Op.JUMP || instruction.op() == Op.JUMP_IF_FALSE) {
        int target = (int) instruction.argument();
        targetIn[target] = programs;
        label(target);
      }
    }
  }

  /** Whether a jump of the program marked last goes to instruction {@code pc}. */
  boolean isTarget(int pc) {
    return targetIn[pc] == programs;
  }

  /**
   * The label of instruction {@code pc}, made once: a label is bound again in each function,
   * and naming one formats a number, which would cost more than the stencil it marks.
   */
  Label label(int pc) {
    Label[] made = labels;
    if (pc < made.length && made[pc] != null) {
      return made[pc];
    }
    return make(pc);
  }

  /** {@link #label}'s first call for {@code pc}, kept out of the JITs' loops. */
  private Label make(int pc) {
    if (pc >= labels.length) {
      labels = Arrays.copyOf(labels, Math.max(pc + 1, labels.length * 2));
    }
    labels[pc] = new Label("instruction " + pc);
    return labels[pc];
  }
}
