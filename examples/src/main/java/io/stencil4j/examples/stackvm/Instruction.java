package io.stencil4j.examples.stackvm;

import java.util.Objects;

/**
 * One instruction: an operation and its argument, which is the constant, the local's index, the
 * prime's index or the jump target (an instruction index), and 0 for the others.
 */
public record Instruction(Op op, long argument) {
  public Instruction {
    Objects.requireNonNull(op, "op");
  }

  public static Instruction of(Op op, long argument) {
    return new Instruction(op, argument);
  }

  public static Instruction of(Op op) {
    return new Instruction(op, 0);
  }

  @Override
  public String toString() {
    return op + " " + argument;
  }
}
