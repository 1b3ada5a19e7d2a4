package io.stencil4j.processor.assembly;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * x86 in AT&T syntax: {@code jmp}, the conditional jumps {@code jcc} (each with a 32-bit form,
 * so any of them may point at a symbol), returns and {@code ud2}. {@code jcxz} and {@code loop}
 * have only 8-bit forms and are left alone.
 */
final class X86Branches extends Branches {

  /** Each condition and its opposite, as the Intel manual pairs them. */
  private static final Map<String, String> OPPOSITE = new HashMap<>();
  private static final Set<String> JUMPS = Set.of("jmp", "jmpq", "jmpl");
  private static final Set<String> TERMINATORS = Set.of("jmp", "jmpq", "jmpl", "ret", "retq",
      "retl", "ud2");

  static {
    String[][] pairs = {{"ja", "jbe"}, {"jae", "jb"}, {"jc", "jnc"}, {"je", "jne"},
        {"jz", "jnz"}, {"jg", "jle"}, {"jge", "jl"}, {"jo", "jno"}, {"jp", "jnp"},
        {"jpe", "jpo"}, {"js", "jns"}, {"jnae", "jnb"}, {"jna", "jnbe"}, {"jnge", "jnl"},
        {"jng", "jnle"}};
    for (String[] pair : pairs) {
      OPPOSITE.put(pair[0], pair[1]);
      OPPOSITE.put(pair[1], pair[0]);
    }
  }

  // after the constants, which the constructor reads
  static final X86Branches INSTANCE = new X86Branches();

  private X86Branches() {
    super("jmp", TERMINATORS);
  }

  @Override
  Optional<String> jumpTarget(AssemblyLine instruction) {
    return JUMPS.contains(instruction.name()) ? Branches.named(instruction.operands())
        : Optional.empty();
  }

  @Override
  Optional<String> conditionalTarget(AssemblyLine instruction) {
    return OPPOSITE.containsKey(instruction.name()) ? Branches.named(instruction.operands())
        : Optional.empty();
  }

  @Override
  boolean reachesSymbols(AssemblyLine branch) {
    return true;
  }

  @Override
  AssemblyLine retargeted(AssemblyLine branch, String target) {
    return AssemblyLine.instruction(branch.name(), target);
  }

  @Override
  Optional<AssemblyLine> inverted(AssemblyLine branch, String target) {
    return Optional.of(AssemblyLine.instruction(OPPOSITE.get(branch.name()), target));
  }
}
