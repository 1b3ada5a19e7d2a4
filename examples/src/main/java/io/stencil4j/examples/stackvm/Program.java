package io.stencil4j.examples.stackvm;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * A stack VM program and the initial values of its locals (the others are 0). It is verified when
 * constructed, as a JIT must: JIT-compiled code has no bounds checks, so every local index and
 * jump target must be in range, the stack must neither underflow nor exceed {@link #MAX_STACK},
 * and control must never run past the last instruction.
 */
public final class Program {
  public static final int MAX_STACK = 64;
  public static final int MAX_LOCALS = 4;

  private final String name;
  private final List<Long> locals;
  /** The stack depth on entry to each instruction; -1 where no path reaches it. */
  private final int[] depths;
  private final int maxDepth;
  /**
   * The code as a JIT reads it, instruction by instruction: no list and no instruction objects
   * on the way. Never modified.
   */
  private final Op[] ops;
  private final long[] arguments;
  /** Whether a jump goes to each instruction. */
  private final boolean[] jumpTargets;
  /**
   * The code as a list; for a program a JIT's pass laid out, made when first asked for, since
   * the JIT reads only the arrays. Threads that race to make it make equal lists.
   */
  private List<Instruction> code;

  public Program(String name, List<Instruction> code, List<Long> locals) {
    this(name, locals, List.copyOf(code), null);
  }

  /** Verified when {@code knownDepths} is null. */
  private Program(String name, List<Long> locals, List<Instruction> code, int[] knownDepths) {
    this(name, locals, operations(code), arguments(code),
        knownDepths != null ? knownDepths : verify(name, code));
    this.code = code;
  }

  private Program(String name, List<Long> locals, Op[] ops, long[] arguments, int[] depths) {
    this.name = name;
    this.locals = List.copyOf(locals);
    if (locals.size() > MAX_LOCALS) {
      throw new IllegalArgumentException(name + ": " + locals.size() + " locals, at most "
          + MAX_LOCALS);
    }
    this.ops = ops;
    this.arguments = arguments;
    this.depths = depths;
    this.jumpTargets = new boolean[ops.length];
    int max = 0;
    for (int pc = 0; pc < ops.length; pc++) {
      if (depths[pc] >= 0) {
        max = Math.max(max, depths[pc] - ops[pc].pops() + ops[pc].pushes());
      }
      if (ops[pc] == Op.JUMP || ops[pc] == Op.JUMP_IF_FALSE) {
        jumpTargets[(int) arguments[pc]] = true;
      }
    }
    this.maxDepth = max;
  }

  private static Op[] operations(List<Instruction> code) {
    Op[] ops = new Op[code.size()];
    for (int pc = 0; pc < ops.length; pc++) {
      ops[pc] = code.get(pc).op();
    }
    return ops;
  }

  private static long[] arguments(List<Instruction> code) {
    long[] arguments = new long[code.size()];
    for (int pc = 0; pc < arguments.length; pc++) {
      arguments[pc] = code.get(pc).argument();
    }
    return arguments;
  }

  /**
   * {@code source}'s code laid out anew by a JIT's pass that knows the stack depth before each
   * instruction ({@code depths}, as {@link #depth}), for instance because each instruction is a
   * copy of one of {@code source}'s: verifying it again would cost a small program's compile
   * more than its stencils. The pass's tests must verify its layouts. The program owns the
   * arrays from then on.
   */
  static Program laidOut(Program source, Op[] ops, long[] arguments, int[] depths) {
    return new Program(source.name, source.locals, ops, arguments, depths);
  }

  public String name() {
    return name;
  }

  public List<Instruction> code() {
    List<Instruction> list = code;
    if (list == null) {
      Instruction[] instructions = new Instruction[ops.length];
      for (int pc = 0; pc < ops.length; pc++) {
        instructions[pc] = Instruction.of(ops[pc], arguments[pc]);
      }
      list = List.of(instructions);
      code = list;
    }
    return list;
  }

  public List<Long> locals() {
    return locals;
  }

  /** Each instruction's operation, for a JIT; the caller must not modify it. */
  Op[] ops() {
    return ops;
  }

  /** Each instruction's argument, for a JIT; the caller must not modify it. */
  long[] arguments() {
    return arguments;
  }

  /** Whether a jump goes to each instruction, for a JIT; the caller must not modify it. */
  boolean[] jumpTargets() {
    return jumpTargets;
  }

  /** The stack depth on entry to instruction {@code pc}, or -1 if no path reaches it. */
  public int depth(int pc) {
    return depths[pc];
  }

  /** The most stack slots the program uses at once. */
  public int maxDepth() {
    return maxDepth;
  }

  /** The locals a run starts with: {@link #locals()}, then zeros. */
  public long[] initialLocals() {
    long[] values = new long[MAX_LOCALS];
    for (int i = 0; i < locals.size(); i++) {
      values[i] = locals.get(i);
    }
    return values;
  }

  /**
   * Follows every path from the first instruction; returns the stack depth on entry to each.
   */
  private static int[] verify(String name, List<Instruction> code) {
    if (code.isEmpty()) {
      throw new IllegalArgumentException(name + ": no instructions");
    }
    int[] depth = new int[code.size()];
    Arrays.fill(depth, -1);
    depth[0] = 0;
    Deque<Integer> pending = new ArrayDeque<>(List.of(0));
    while (!pending.isEmpty()) {
      int pc = pending.pop();
      Instruction instruction = code.get(pc);
      Op op = instruction.op();
      long argument = instruction.argument();
      if (depth[pc] < op.pops()) {
        throw new IllegalArgumentException(name + ": stack underflow at " + pc + ", " + op);
      }
      int after = depth[pc] - op.pops() + op.pushes();
      if (after > MAX_STACK) {
        throw new IllegalArgumentException(name + ": more than " + MAX_STACK
            + " stack slots at " + pc);
      }
      if ((op == Op.LOAD_LOCAL || op == Op.STORE_LOCAL) && (argument < 0
          || argument >= MAX_LOCALS)) {
        throw new IllegalArgumentException(name + ": no local " + argument + " at " + pc);
      }
      if (op == Op.JUMP || op == Op.JUMP_IF_FALSE) {
        if (argument < 0 || argument >= code.size()) {
          throw new IllegalArgumentException(name + ": jump to " + argument + " at " + pc
              + ", outside the program");
        }
        follow(name, depth, pending, pc, (int) argument, after);
      }
      if (op != Op.JUMP && op != Op.RETURN) {
        if (pc + 1 == code.size()) {
          throw new IllegalArgumentException(name + ": runs past the last instruction");
        }
        follow(name, depth, pending, pc, pc + 1, after);
      }
    }
    return depth;
  }

  private static void follow(String name, int[] depth, Deque<Integer> pending, int from, int to,
      int stackDepth) {
    if (depth[to] == -1) {
      depth[to] = stackDepth;
      pending.push(to);
    } else if (depth[to] != stackDepth) {
      throw new IllegalArgumentException(name + ": " + to + " is reached with " + depth[to]
          + " and, from " + from + ", with " + stackDepth + " stack slots");
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
