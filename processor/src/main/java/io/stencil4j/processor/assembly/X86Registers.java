package io.stencil4j.processor.assembly;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The spellings of one x86-64 general-purpose register in AT&T syntax: {@code %rax} is also
 * {@code %eax}, {@code %ax}, {@code %al} and {@code %ah}, and {@code %r8} is also {@code %r8d},
 * {@code %r8w} and {@code %r8b}. An instruction that names any of them reads or writes the
 * register.
 */
final class X86Registers {
  private static final Pattern NUMBERED = Pattern.compile("r(\\d+)");
  private static final Pattern LEGACY = Pattern.compile("r([abcd])x");
  /** The stack pointer is left out: pushes, pops and frames use it without naming it. */
  private static final Pattern INDEX_OR_POINTER = Pattern.compile("r(si|di|bp)");

  /** Instructions that read or write registers their operands do not name. */
  private static final Pattern IMPLICIT = Pattern.compile(
      "call.*|rep.*|x?chg.*|cmpxchg.*|enter.*|syscall|(i?mul|i?div)[bwlq]?");

  private X86Registers() {}

  /**
   * Whether {@code instruction} may read or write a general-purpose register other than the
   * stack pointer without naming it: a call, a string instruction, an exchange, a one-operand
   * multiply or divide, anything without operands.
   */
  static boolean mayUseUnnamed(AssemblyLine instruction) {
    String name = instruction.name();
    boolean twoOperandMultiply = name.startsWith("imul") && instruction.operands().contains(",");
    return instruction.operands().isEmpty()
        || IMPLICIT.matcher(name).matches() && !twoOperandMultiply;
  }

  /**
   * A pattern that finds any spelling of the 64-bit register {@code name} (without its {@code
   * %}), or empty if it is not a general-purpose register or is the stack pointer.
   */
  static Optional<Pattern> spellings(String name) {
    Matcher numbered = NUMBERED.matcher(name);
    if (numbered.matches()) {
      return Optional.of(Pattern.compile("%r" + numbered.group(1) + "[dwb]?\\b"));
    }
    Matcher legacy = LEGACY.matcher(name);
    if (legacy.matches()) {
      String letter = legacy.group(1);
      return Optional.of(Pattern.compile("%(?:[re]?" + letter + "x|" + letter + "[lh])\\b"));
    }
    Matcher indexOrPointer = INDEX_OR_POINTER.matcher(name);
    if (indexOrPointer.matches()) {
      String base = indexOrPointer.group(1);
      return Optional.of(Pattern.compile("%(?:[re]?" + base + "|" + base + "l)\\b"));
    }
    return Optional.empty();
  }
}
