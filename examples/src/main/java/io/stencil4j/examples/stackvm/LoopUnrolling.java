package io.stencil4j.examples.stackvm;

/**
 * Unrolls a program's innermost loops: a loop's body is laid out several times in a row, so that
 * the hot path takes one branch per several iterations rather than one per iteration. Stencil
 * code pays for every taken branch, and most on a core whose front end is shared; HotSpot's C2
 * unrolls for the same reason.
 *
 * <p>A loop here is an unconditional jump back to an earlier instruction, {@code JUMP t} at
 * {@code j}, whose body {@code t..j-1} holds no other backward jump. Every copy of a body is the
 * same code, so a jump may go to the matching instruction of any copy: jumps within a copy stay
 * in it, the copy's own back jump becomes a fall into the next copy, and jumps from outside go
 * to the first copy. The last copy ends with the jump back to the first. Innermost loops never
 * overlap, so each is unrolled on its own.
 */
final class LoopUnrolling {
  /** The most instructions the copies of one body may take together. */
  static final int MAX_UNROLLED = 64;
  /** The most copies of one body. */
  static final int MAX_COPIES = 4;

  private LoopUnrolling() {}

  /** The program with its innermost loops unrolled; the program itself if it has none. */
  static Program unrolled(Program program) {
    Op[] ops = program.ops();
    long[] arguments = program.arguments();
    // by the first instruction of each loop unrolled: the index of its jump back; made only
    // when a loop is found, since a compile of a loop-free program must not pay for it
    int[] backJump = null;
    // innermost: no jump back between a loop's head and its own jump back
    int previousJumpBack = -1;
    for (int jump = 0; jump < ops.length; jump++) {
      if (ops[jump] != Op.JUMP || arguments[jump] >= jump) {
        continue;
      }
      int head = (int) arguments[jump];
      if (head > previousJumpBack && copies(head, jump) > 1) {
        if (backJump == null) {
          backJump = new int[ops.length];
        }
        backJump[head] = jump;
      }
      previousJumpBack = jump;
    }
    return backJump != null ? layOut(program, backJump) : program;
  }

  private static int copies(int head, int jump) {
    return Math.min(MAX_COPIES, MAX_UNROLLED / (jump - head));
  }

  /**
   * Lays the code out with the loops that {@code backJump} marks unrolled. Every instruction of
   * a loop, its jump back included, has a place in each copy: the jump back's is the next
   * copy's first instruction, or the one jump back after the last copy.
   */
  private static Program layOut(Program program, int[] backJump) {
    Op[] ops = program.ops();
    long[] arguments = program.arguments();
    // where each instruction, or its first copy, goes; and the head of the loop it is in, or -1
    int[] first = new int[ops.length];
    int[] loopOf = new int[ops.length];
    int size = 0;
    for (int pc = 0; pc < ops.length; pc++) {
      loopOf[pc] = -1;
      first[pc] = size++;
      int jump = backJump[pc];
      if (jump > 0) {
        for (int inside = pc; inside <= jump; inside++) {
          first[inside] = first[pc] + inside - pc;
          loopOf[inside] = pc;
        }
        size = first[pc] + copies(pc, jump) * (jump - pc) + 1;
        pc = jump;
      }
    }
    Op[] laidOut = new Op[size];
    long[] laidOutArguments = new long[size];
    // a copy is entered with the stack as deep as its original
    int[] depths = new int[size];
    int at = 0;
    for (int pc = 0; pc < ops.length; pc++) {
      int jump = backJump[pc];
      if (jump == 0) {
        depths[at] = program.depth(pc);
        laidOut[at] = ops[pc];
        laidOutArguments[at++] = retargeted(ops[pc], arguments[pc], first, loopOf, -1, 0);
        continue;
      }
      int length = jump - pc;
      for (int copy = 0; copy < copies(pc, jump); copy++) {
        for (int inside = pc; inside < jump; inside++) {
          depths[at] = program.depth(inside);
          laidOut[at] = ops[inside];
          laidOutArguments[at++] = retargeted(ops[inside], arguments[inside], first, loopOf, pc,
              copy * length);
        }
      }
      depths[at] = program.depth(jump);
      laidOut[at] = Op.JUMP;
      laidOutArguments[at++] = first[pc];
      pc = jump;
    }
    return Program.laidOut(program, laidOut, laidOutArguments, depths);
  }

  /**
   * The argument of an instruction, a jump's target moved to where the target went: into the
   * same copy ({@code shift} past the first) if the target is in the loop that starts at
   * {@code loop}, else into the first copy.
   */
  private static long retargeted(Op op, long argument, int[] first, int[] loopOf, int loop,
      int shift) {
    if (op != Op.JUMP && op != Op.JUMP_IF_FALSE) {
      return argument;
    }
    int target = (int) argument;
    return first[target] + (loop >= 0 && loopOf[target] == loop ? shift : 0);
  }
}
