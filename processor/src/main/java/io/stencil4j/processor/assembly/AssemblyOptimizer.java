package io.stencil4j.processor.assembly;

import io.stencil4j.model.Triple;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites clang's or gcc's assembly for one translation unit so that stencils branch straight to where
 * they mean to go, as CPython's JIT does for its stencils:
 *
 * <ul>
 *   <li>a tail jump through the GOT to a hole ({@code jmp *_JIT_TARGET@GOTPCREL(%rip)}, or a
 *       load of the GOT entry into a register and a jump through it) becomes a direct jump:
 *       holes that code jumps to are code addresses of the JIT, within reach (the stencil stage
 *       and the patchers check the reach of every hole);
 *   <li>a branch to a block that only jumps on is pointed at that jump's target, when the target
 *       is a local block or a hole;
 *   <li>a conditional branch to the next stencil followed by a jump elsewhere is inverted, so
 *       that the jump to the next stencil comes last, where the stencil stage cuts it;
 *   <li>a jump to the very next instruction, and a block nothing reaches, are removed.
 * </ul>
 *
 * Every rewrite keeps what the code does. A unit with inline assembly is left as it is: its
 * text is the user's, not the compiler's.
 */
public final class AssemblyOptimizer {
  private static final Pattern INLINE_ASSEMBLY = Pattern.compile(
      "(?m)^\\s*(#|//|;)+\\s*(APP|NO_APP|InlineAsm Start|InlineAsm End)\\s*$");
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z_.$][\\w.$]*");
  private static final Pattern ALIGNMENT = Pattern.compile("\\.(p2align|balign|align)\\b.*");
  private static final int MAX_ROUNDS = 16;

  private final Dialect dialect;
  private final Producer producer;
  private final Branches branches;
  private final List<AssemblyLine> lines = new ArrayList<>();
  private final Pattern gotTailJump;
  /**
   * A hole's address loaded into a register, from the GOT ({@code movq f@GOTPCREL(%rip), %reg})
   * or as an immediate ({@code movabsq $f, %reg}, gcc's large code model): the symbol, then the
   * register.
   */
  private final Pattern addressLoad;
  private final String next;

  private AssemblyOptimizer(Dialect dialect, Producer producer, String assembly) {
    this.dialect = dialect;
    this.producer = producer;
    this.branches = dialect.branches();
    for (String line : assembly.split("\n", -1)) {
      lines.add(AssemblyLine.parse(line, dialect.comment()));
    }
    String prefix = Pattern.quote(dialect.symbolPrefix());
    this.gotTailJump =
        Pattern.compile("\\*(" + prefix + "_JIT_[A-Z][A-Z0-9_]*)@GOTPCREL\\(%rip\\)");
    this.addressLoad = Pattern.compile("(?:\\$(" + prefix + "_JIT_[A-Z][A-Z0-9_]*)|(" + prefix
        + "_JIT_[A-Z][A-Z0-9_]*)@GOTPCREL\\(%rip\\)),\\s*%(\\w+)");
    this.next = dialect.symbolPrefix() + "_JIT_CONTINUE";
  }

  /**
   * {@code assembly}, compiled by {@code producer} for {@code triple}, with its branches made
   * direct; empty when it holds inline assembly.
   *
   * @param assembly the compiler's {@code -S} output for one translation unit
   * @param triple the triple it was compiled for, which decides the assembly dialect
   * @param producer the compiler that wrote it, which decides how its blocks are named
   * @return the rewritten assembly, or empty to use the compiler's object as it is
   */
  public static Optional<String> optimize(String assembly, Triple triple, Producer producer) {
    if (INLINE_ASSEMBLY.matcher(assembly).find()) {
      return Optional.empty();
    }
    AssemblyOptimizer optimizer =
        new AssemblyOptimizer(Dialect.of(triple), producer, assembly);
    optimizer.run();
    StringBuilder text = new StringBuilder();
    for (AssemblyLine line : optimizer.lines) {
      text.append(line.text()).append('\n');
    }
    return Optional.of(text.substring(0, text.length() - 1));
  }

  private void run() {
    if (dialect.gotTailJumps()) {
      makeTailJumpsDirect();
    }
    for (int round = 0; round < MAX_ROUNDS; round++) {
      boolean changed = threadBranches() | putNextStencilLast() | removeJumpsToNext()
          | removeUnreachableBlocks();
      if (!changed) {
        return;
      }
    }
  }

  private void makeTailJumpsDirect() {
    for (int i = 0; i < lines.size(); i++) {
      AssemblyLine line = lines.get(i);
      if (line.isInstruction() && (line.name().equals("jmp") || line.name().equals("jmpq"))) {
        Matcher hole = gotTailJump.matcher(line.operands());
        if (hole.matches() && isHole(hole.group(1))) {
          lines.set(i, branches.jump(hole.group(1)));
        }
      } else if (line.isInstruction()
          && (line.name().equals("movq") || line.name().equals("movabsq"))) {
        Matcher load = addressLoad.matcher(line.operands());
        if (load.matches()) {
          String symbol = load.group(1) != null ? load.group(1) : load.group(2);
          if (isHole(symbol) && jumpThroughLoad(i, symbol, load.group(3))) {
            lines.remove(i--);
          }
        }
      }
    }
  }

  /**
   * Whether the instruction at {@code load}, which loads the address of the hole {@code target}
   * into {@code register}, is followed in its block by a tail jump through that register, with
   * no other instruction naming the register between: clang's tail jump when the arguments leave
   * no room for {@code jmp *f@GOTPCREL(%rip)} (seven or more {@code preserve_none} arguments),
   * and gcc's in the large code model. If so, the jump becomes a direct one to the hole, and the
   * load is left for the caller to remove: the register's value is the jump's alone.
   */
  private boolean jumpThroughLoad(int load, String target, String register) {
    Optional<Pattern> spellings = X86Registers.spellings(register);
    if (spellings.isEmpty()) {
      return false;
    }
    for (int i = load + 1; i < lines.size(); i++) {
      AssemblyLine line = lines.get(i);
      if (line.isLabel()) {
        return false;
      }
      if (!line.isInstruction()) {
        continue;
      }
      if ((line.name().equals("jmp") || line.name().equals("jmpq"))
          && line.operands().equals("*%" + register)) {
        lines.set(i, branches.jump(target));
        return true;
      }
      if (branches.isTerminator(line) || line.name().startsWith("j")
          || X86Registers.mayUseUnnamed(line)
          || spellings.get().matcher(line.operands()).find()) {
        return false;
      }
    }
    return false;
  }

  /** Points a branch to a block that only jumps on at that jump's target. */
  private boolean threadBranches() {
    Map<String, Integer> labels = labelLines();
    boolean changed = false;
    for (int i = 0; i < lines.size(); i++) {
      AssemblyLine line = lines.get(i);
      if (!line.isInstruction()) {
        continue;
      }
      Optional<String> jumpTo = branches.jumpTarget(line);
      Optional<String> branchTo = branches.conditionalTarget(line);
      String target = jumpTo.or(() -> branchTo).orElse(null);
      if (target == null || !producer.isBlock(target) || !labels.containsKey(target)) {
        continue;
      }
      int at = nextInstruction(labels.get(target));
      Optional<String> onward = at < 0 ? Optional.empty() : branches.jumpTarget(lines.get(at));
      if (onward.isEmpty() || onward.get().equals(target)) {
        continue;
      }
      String destination = onward.get();
      if (jumpTo.isPresent() && canJumpTo(destination)) {
        lines.set(i, branches.jump(destination));
        changed = true;
      } else if (branchTo.isPresent() && canBranchTo(line, destination)) {
        lines.set(i, branches.retargeted(line, destination));
        changed = true;
      }
    }
    return changed;
  }

  /**
   * Turns {@code jcc NEXT; jmp X} into {@code jncc X; jmp NEXT}, so that the jump to the next
   * stencil is the one that may end the code.
   */
  private boolean putNextStencilLast() {
    boolean changed = false;
    for (int i = 0; i < lines.size(); i++) {
      AssemblyLine line = lines.get(i);
      if (!line.isInstruction() || !branches.conditionalTarget(line).equals(Optional.of(next))) {
        continue;
      }
      int at = nextInstruction(i);
      if (at < 0 || hasLabelBetween(i, at)) {
        continue;
      }
      Optional<String> other = branches.jumpTarget(lines.get(at));
      if (other.isEmpty() || other.get().equals(next) || !canBranchTo(line, other.get())) {
        continue;
      }
      Optional<AssemblyLine> inverted = branches.inverted(line, other.get());
      if (inverted.isPresent()) {
        lines.set(i, inverted.get());
        lines.set(at, branches.jump(next));
        changed = true;
      }
    }
    return changed;
  }

  /** Removes a jump to a label that follows it with nothing but labels and comments between. */
  private boolean removeJumpsToNext() {
    boolean changed = false;
    for (int i = 0; i < lines.size(); i++) {
      AssemblyLine line = lines.get(i);
      Optional<String> target = line.isInstruction() ? branches.jumpTarget(line) : Optional.empty();
      if (target.isEmpty()) {
        continue;
      }
      for (int j = i + 1; j < lines.size(); j++) {
        AssemblyLine after = lines.get(j);
        if (after.isLabel() && after.name().equals(target.get())) {
          lines.remove(i--);
          changed = true;
          break;
        }
        if (!after.isLabel() && after.kind() != AssemblyLine.Kind.NOTHING) {
          break;
        }
      }
    }
    return changed;
  }

  /**
   * Removes a block that follows a jump or return and that no instruction or directive refers
   * to: nothing can run it.
   */
  private boolean removeUnreachableBlocks() {
    Map<String, Integer> uses = tokenCounts();
    boolean changed = false;
    for (int i = 0; i < lines.size(); i++) {
      AssemblyLine label = lines.get(i);
      if (!label.isLabel() || !producer.isBlock(label.name())
          || uses.getOrDefault(label.name(), 0) > 0 || !followsTerminator(i)) {
        continue;
      }
      int end = i + 1;
      while (end < lines.size() && (lines.get(end).isInstruction()
          || lines.get(end).kind() == AssemblyLine.Kind.NOTHING)) {
        end++;
      }
      // the block's alignment goes with it (gcc aligns blocks that jumps reach)
      int start = i;
      while (start > 0 && isAlignment(lines.get(start - 1))) {
        start--;
      }
      lines.subList(start, end).clear();
      i = start - 1;
      changed = true;
    }
    return changed;
  }

  /** Whether an unconditional jump may point at {@code target}. */
  private boolean canJumpTo(String target) {
    return producer.isBlock(target) || isHole(target);
  }

  /**
   * Whether {@code branch} may point at {@code target}: a local block, or a hole if the format
   * and the branch's field allow a symbol. Other symbols stay behind their jump, which the
   * stencil stage may route through a trampoline.
   */
  private boolean canBranchTo(AssemblyLine branch, String target) {
    if (producer.isBlock(target)) {
      return !branch.name().startsWith("tb");
    }
    return isHole(target) && dialect.conditionalBranchesToSymbols()
        && branches.reachesSymbols(branch);
  }

  /** A hole of the template contract: the next stencil or a parameter, never the entry. */
  private boolean isHole(String symbol) {
    String prefix = dialect.symbolPrefix() + "_JIT_";
    return symbol.startsWith(prefix) && !symbol.startsWith(prefix + "ENTRY");
  }

  private Map<String, Integer> labelLines() {
    Map<String, Integer> labels = new HashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isLabel()) {
        labels.put(lines.get(i).name(), i);
      }
    }
    return labels;
  }

  /** How often each name is used: in every instruction and directive, not as a label. */
  private Map<String, Integer> tokenCounts() {
    Map<String, Integer> counts = new HashMap<>();
    for (AssemblyLine line : lines) {
      if (line.isLabel()) {
        continue;
      }
      Matcher token = TOKEN.matcher(line.code());
      while (token.find()) {
        counts.merge(token.group(), 1, Integer::sum);
      }
    }
    return counts;
  }

  /** The first instruction after line {@code from}, past labels and comments; -1 if none. */
  private int nextInstruction(int from) {
    for (int i = from + 1; i < lines.size(); i++) {
      AssemblyLine line = lines.get(i);
      if (line.isInstruction()) {
        return i;
      }
      if (!line.isLabel() && line.kind() != AssemblyLine.Kind.NOTHING) {
        return -1;
      }
    }
    return -1;
  }

  /** An alignment directive: padding for what follows it. */
  private static boolean isAlignment(AssemblyLine line) {
    return line.kind() == AssemblyLine.Kind.DIRECTIVE && ALIGNMENT.matcher(line.code()).matches();
  }

  private boolean hasLabelBetween(int from, int to) {
    return lines.subList(from + 1, to).stream().anyMatch(AssemblyLine::isLabel);
  }

  /** Whether the line before {@code label}, past comments and alignment, is a jump or return. */
  private boolean followsTerminator(int label) {
    for (int i = label - 1; i >= 0; i--) {
      AssemblyLine line = lines.get(i);
      if (line.kind() != AssemblyLine.Kind.NOTHING && !isAlignment(line)) {
        return line.isInstruction() && branches.isTerminator(line);
      }
    }
    return false;
  }
}
