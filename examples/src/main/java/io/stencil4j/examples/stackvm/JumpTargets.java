package io.stencil4j.examples.stackvm;

import io.stencil4j.Label;
import java.util.Arrays;

/**
 * The labels of the jump targets ({@link Program#jumpTargets}) of the programs a JIT compiles,
 * one after another: made once per instruction number and reused, so that nothing is allocated
 * between programs.
 */
final class JumpTargets {
  private Label[] labels = new Label[0];

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
