package io.stencil4j.processor.assembly;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The jumps and conditional branches of one instruction set, as clang spells them: enough to
 * follow, retarget and invert them. Anything else is an instruction the optimizer leaves alone.
 */
abstract class Branches {
  /** A name a branch can point at, rather than a register or memory operand. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z_.$][\\w.$]*");

  private final String jump;
  private final Set<String> terminators;

  /**
   * @param jump the mnemonic of an unconditional direct jump
   * @param terminators the mnemonics after which execution never continues: jumps, returns, traps
   */
  Branches(String jump, Set<String> terminators) {
    this.jump = jump;
    this.terminators = terminators;
  }

  /** The target of an unconditional direct jump, if {@code instruction} is one. */
  abstract Optional<String> jumpTarget(AssemblyLine instruction);

  /** The target of a conditional branch the optimizer may retarget, if it is one. */
  abstract Optional<String> conditionalTarget(AssemblyLine instruction);

  /**
   * Whether the conditional branch may point at a symbol, which the stencil stage turns into a
   * hole: one whose field is too narrow for a hole kind (AArch64 {@code tbz}) may not.
   */
  abstract boolean reachesSymbols(AssemblyLine branch);

  /** The conditional branch with its target replaced. */
  abstract AssemblyLine retargeted(AssemblyLine branch, String target);

  /** The branch on the opposite condition to {@code target}, if the condition has one. */
  abstract Optional<AssemblyLine> inverted(AssemblyLine branch, String target);

  /** An unconditional direct jump to {@code target}. */
  final AssemblyLine jump(String target) {
    return AssemblyLine.instruction(jump, target);
  }

  /** Whether execution never continues after {@code instruction}: a jump, a return, a trap. */
  final boolean isTerminator(AssemblyLine instruction) {
    return terminators.contains(instruction.name());
  }

  /** {@code operand} if it names a branch target. */
  static Optional<String> named(String operand) {
    return NAME.matcher(operand).matches() ? Optional.of(operand) : Optional.empty();
  }
}
