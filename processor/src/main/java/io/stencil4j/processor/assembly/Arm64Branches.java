package io.stencil4j.processor.assembly;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * AArch64: {@code b}, the conditional branches {@code b.cc}, {@code cbz}/{@code cbnz} (19-bit
 * offsets) and {@code tbz}/{@code tbnz} (14-bit, so never pointed at a symbol: no hole has that
 * width), returns and {@code brk}.
 */
final class Arm64Branches extends Branches {

  private static final Map<String, String> OPPOSITE = Map.ofEntries(Map.entry("eq", "ne"),
      Map.entry("ne", "eq"), Map.entry("cs", "cc"), Map.entry("cc", "cs"), Map.entry("hs", "lo"),
      Map.entry("lo", "hs"), Map.entry("mi", "pl"), Map.entry("pl", "mi"), Map.entry("vs", "vc"),
      Map.entry("vc", "vs"), Map.entry("hi", "ls"), Map.entry("ls", "hi"), Map.entry("ge", "lt"),
      Map.entry("lt", "ge"), Map.entry("gt", "le"), Map.entry("le", "gt"));
  private static final Map<String, String> OPPOSITE_TEST = Map.of("cbz", "cbnz", "cbnz", "cbz",
      "tbz", "tbnz", "tbnz", "tbz");
  private static final Set<String> TERMINATORS = Set.of("b", "br", "ret", "brk");

  // after the constants, which the constructor reads
  static final Arm64Branches INSTANCE = new Arm64Branches();

  private Arm64Branches() {
    super("b", TERMINATORS);
  }

  @Override
  Optional<String> jumpTarget(AssemblyLine instruction) {
    return instruction.name().equals("b") ? Branches.named(instruction.operands())
        : Optional.empty();
  }

  @Override
  Optional<String> conditionalTarget(AssemblyLine instruction) {
    if (!OPPOSITE_TEST.containsKey(instruction.name()) && condition(instruction) == null) {
      return Optional.empty();
    }
    return Branches.named(lastOperand(instruction));
  }

  @Override
  boolean reachesSymbols(AssemblyLine branch) {
    return !branch.name().startsWith("tb");
  }

  @Override
  AssemblyLine retargeted(AssemblyLine branch, String target) {
    return AssemblyLine.instruction(branch.name(), withLastOperand(branch, target));
  }

  @Override
  Optional<AssemblyLine> inverted(AssemblyLine branch, String target) {
    String condition = condition(branch);
    String mnemonic = condition != null ? "b." + OPPOSITE.get(condition)
        : OPPOSITE_TEST.get(branch.name());
    return Optional.of(AssemblyLine.instruction(mnemonic, withLastOperand(branch, target)));
  }

  /** The condition of a {@code b.cc} that has an opposite, or null. */
  private static String condition(AssemblyLine instruction) {
    String name = instruction.name();
    return name.startsWith("b.") && OPPOSITE.containsKey(name.substring(2))
        ? name.substring(2) : null;
  }

  private static String lastOperand(AssemblyLine instruction) {
    String operands = instruction.operands();
    return operands.substring(operands.lastIndexOf(',') + 1).trim();
  }

  private static String withLastOperand(AssemblyLine instruction, String target) {
    String operands = instruction.operands();
    int comma = operands.lastIndexOf(',');
    return comma < 0 ? target : operands.substring(0, comma + 1) + " " + target;
  }
}
