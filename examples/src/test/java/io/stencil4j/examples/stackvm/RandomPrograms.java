package io.stencil4j.examples.stackvm;

import static io.stencil4j.examples.stackvm.Instruction.of;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random stack VM programs that use every instruction at every stack depth up to a limit:
 * expressions, stores, skipped blocks (a conditional jump forward over a block that leaves the
 * depth as it found it) and counted loops, so that both JITs can be compared with the
 * interpreter on programs nobody chose. The same seed gives the same program.
 */
public final class RandomPrograms {
  private final Random random;
  private final int maxDepth;
  private final List<Instruction> code = new ArrayList<>();
  private int depth;
  /** The locals that enclosing loops count in, one bit each. */
  private int counters;

  private RandomPrograms(long seed, int maxDepth) {
    this.random = new Random(seed);
    this.maxDepth = maxDepth;
  }

  /** A program that never uses more than {@code maxDepth} (at least 2) stack slots. */
  public static Program generate(long seed, int maxDepth) {
    RandomPrograms generator = new RandomPrograms(seed, maxDepth);
    List<Long> locals = new ArrayList<>();
    for (int i = 0; i < Program.MAX_LOCALS; i++) {
      locals.add(generator.random.nextLong(-1000, 1000));
    }
    generator.block(3);
    // the result depends on every local
    generator.code.add(of(Op.LOAD_LOCAL, 0));
    Op[] combine = {Op.MUL, Op.ADD, Op.SUB};
    for (int i = 1; i < Program.MAX_LOCALS; i++) {
      generator.code.add(of(Op.LOAD_LOCAL, i));
      generator.code.add(of(combine[i - 1]));
    }
    generator.code.add(of(Op.RETURN));
    return new Program("random(seed " + seed + ", depth " + maxDepth + ")", generator.code,
        locals);
  }

  /** Instructions that leave the depth as they found it, nesting at most {@code nesting}. */
  private void block(int nesting) {
    int statements = 1 + random.nextInt(6);
    for (int i = 0; i < statements && depth < maxDepth; i++) {
      switch (random.nextInt(nesting > 0 ? 4 : 2)) {
        case 0 -> expression();
        case 1 -> {
          push();
          pop();
        }
        case 2 -> skipped(nesting);
        default -> loop(nesting);
      }
    }
  }

  /** Pushes and combines values, then stores them until the depth is as it was. */
  private void expression() {
    int start = depth;
    push();
    while (random.nextInt(3) != 0) {
      if (depth - start >= 2 && (depth == maxDepth || random.nextBoolean())) {
        Op[] binary = {Op.ADD, Op.SUB, Op.MUL, Op.LESS_THAN};
        code.add(of(binary[random.nextInt(binary.length)]));
        depth--;
      } else if (depth < maxDepth) {
        push();
      }
      if (random.nextInt(6) == 0) {
        code.add(of(Op.CALL_HOST));
      }
    }
    while (depth > start) {
      pop();
    }
  }

  /** {@code if (value) { block }} or {@code if (value < other) { block }}. */
  private void skipped(int nesting) {
    push();
    if (depth < maxDepth && random.nextBoolean()) {
      push();
      code.add(of(Op.LESS_THAN));
      depth--;
    }
    int jump = code.size();
    code.add(null);
    depth--;
    block(nesting - 1);
    code.set(jump, of(Op.JUMP_IF_FALSE, code.size()));
  }

  /**
   * A loop that runs its block 1 to 4 times, counting down in a local that no instruction inside
   * stores to.
   */
  private void loop(int nesting) {
    if (depth + 2 > maxDepth || Integer.bitCount(counters) >= Program.MAX_LOCALS - 1) {
      return;
    }
    int counter = unreservedLocal();
    code.add(of(Op.PUSH_CONST, 1 + random.nextInt(4)));
    code.add(of(Op.STORE_LOCAL, counter));
    counters |= 1 << counter;
    int head = code.size();
    code.add(of(Op.PUSH_CONST, 0));
    code.add(of(Op.LOAD_LOCAL, counter));
    code.add(of(Op.LESS_THAN));
    int exit = code.size();
    code.add(null);
    block(nesting - 1);
    code.add(of(Op.LOAD_LOCAL, counter));
    code.add(of(Op.PUSH_CONST, 1));
    code.add(of(Op.SUB));
    code.add(of(Op.STORE_LOCAL, counter));
    code.add(of(Op.JUMP, head));
    code.set(exit, of(Op.JUMP_IF_FALSE, code.size()));
    counters &= ~(1 << counter);
  }

  /** A local that no enclosing loop counts in. */
  private int unreservedLocal() {
    int local;
    do {
      local = random.nextInt(Program.MAX_LOCALS);
    } while ((counters & 1 << local) != 0);
    return local;
  }

  /** Pushes a constant, a local or a prime. */
  private void push() {
    switch (random.nextInt(3)) {
      case 0 -> code.add(of(Op.PUSH_CONST, random.nextLong(-50, 50)));
      case 1 -> code.add(of(Op.LOAD_LOCAL, random.nextInt(Program.MAX_LOCALS)));
      default -> code.add(of(Op.PUSH_PRIME, random.nextInt(16)));
    }
    depth++;
  }

  /** Pops the top slot into a local no loop counts in. */
  private void pop() {
    code.add(of(Op.STORE_LOCAL, unreservedLocal()));
    depth--;
  }
}
