package io.stencil4j.examples.stackvm;

import java.util.Arrays;

/**
 * Folds what a program computes from constants alone, as C2 does for the bytecode baseline:
 * PUSH_PRIME becomes the prime it pushes, an arithmetic operation or the host's square on
 * constants becomes its result, adding or subtracting 0 and multiplying by 1 disappear. Two
 * rewrites then let the register VM's superinstructions take more: a constant operand of ADD or
 * MUL moves above the local it is combined with, and a local's constant addition that follows
 * another to the same local is merged into it.
 *
 * <p>Values are known only within a basic block: a jump target starts one with nothing known,
 * and the locals' values are never known, since a run's initial locals are its inputs. A
 * constant pushed is held back, pending, until an instruction needs it on the stack; pending
 * constants are always the top of the stack, so pushing them in order restores it. The two
 * rewrites look at the folded code of the block so far. The host's square (a pure function) is
 * folded with {@link HostFunctions#square}, the function the interpreter calls.
 */
final class ConstantFolding {
  private final Program program;
  /** The folded code, instruction by instruction, and the stack depth before each. */
  private final Op[] ops;
  private final long[] arguments;
  private final int[] depths;
  private int size;
  /** Where each jump target of the program went. */
  private final int[] moved;
  /** The pending constants, bottom first. */
  private final long[] pending = new long[Program.MAX_STACK];
  private int pendingCount;
  /** The stack depth the folded code has reached: the program's, less the pending values. */
  private int depth;
  /** Where the current basic block starts in the folded code. */
  private int blockStart;
  private boolean changed;

  private ConstantFolding(Program program) {
    this.program = program;
    // a pending constant is pushed once at most, and no rewrite adds instructions
    int length = program.ops().length;
    this.ops = new Op[length];
    this.arguments = new long[length];
    this.depths = new int[length];
    this.moved = new int[length];
  }

  /** The program with its constants folded; the program itself if nothing folds. */
  static Program folded(Program program) {
    ConstantFolding folding = new ConstantFolding(program);
    folding.fold();
    return folding.changed ? folding.result() : program;
  }

  private void fold() {
    Op[] sourceOps = program.ops();
    long[] sourceArguments = program.arguments();
    boolean[] jumpTargets = program.jumpTargets();
    for (int pc = 0; pc < sourceOps.length; pc++) {
      Op op = sourceOps[pc];
      long argument = sourceArguments[pc];
      if (jumpTargets[pc]) {
        flush();
        moved[pc] = size;
        blockStart = size;
      }
      if (program.depth(pc) < 0) {
        // no path reaches it: kept as it is, for the JIT to leave out
        flush();
        append(op, argument, -1);
        continue;
      }
      if (jumpTargets[pc] || pc == 0) {
        depth = program.depth(pc);
      }
      switch (op) {
        case PUSH_CONST -> pending[pendingCount++] = argument;
        case PUSH_PRIME -> {
          pending[pendingCount++] = Interpreter.prime(argument);
          changed = true;
        }
        case ADD, SUB, MUL, LESS_THAN -> binary(op);
        case CALL_HOST -> {
          if (pendingCount > 0) {
            pending[pendingCount - 1] = HostFunctions.square(pending[pendingCount - 1]);
            changed = true;
          } else {
            emit(op, argument);
          }
        }
        case STORE_LOCAL -> store((int) argument);
        case LOAD_LOCAL, JUMP, JUMP_IF_FALSE, RETURN -> {
          flush();
          emit(op, argument);
        }
      }
    }
  }

  private void binary(Op op) {
    if (pendingCount >= 2) {
      long right = pending[--pendingCount];
      long left = pending[pendingCount - 1];
      pending[pendingCount - 1] = switch (op) {
        case ADD -> left + right;
        case SUB -> left - right;
        case MUL -> left * right;
        default -> left < right ? 1 : 0;
      };
      changed = true;
      return;
    }
    if (pendingCount == 1 && isIdentity(op, pending[0])) {
      pendingCount = 0;
      changed = true;
      return;
    }
    flush();
    if ((op == Op.ADD || op == Op.MUL) && size - 2 >= blockStart && ops[size - 2] == Op.PUSH_CONST
        && ops[size - 1] == Op.LOAD_LOCAL) {
      // the local first, so that the constant is the operand a superinstruction takes
      long constant = arguments[size - 2];
      ops[size - 2] = Op.LOAD_LOCAL;
      arguments[size - 2] = arguments[size - 1];
      ops[size - 1] = Op.PUSH_CONST;
      arguments[size - 1] = constant;
      changed = true;
    }
    emit(op, 0);
  }

  private static boolean isIdentity(Op op, long right) {
    return switch (op) {
      case ADD, SUB -> right == 0;
      case MUL -> right == 1;
      default -> false;
    };
  }

  /**
   * Stores into {@code local}; {@code local += c} right after {@code local += b} in the same
   * block becomes {@code local += b + c}.
   */
  private void store(int local) {
    flush();
    int previous = size - 7;
    if (previous >= blockStart && isAddition(previous, local) && isAddition(size - 3, local)
        && ops[previous + 3] == Op.STORE_LOCAL && arguments[previous + 3] == local) {
      arguments[previous + 1] += arguments[size - 2];
      size -= 3;
      // as after the store kept
      depth = depths[previous + 3] - 1;
      changed = true;
      return;
    }
    emit(Op.STORE_LOCAL, local);
  }

  /** Whether the folded code at {@code at} is {@code LOAD_LOCAL local; PUSH_CONST c; ADD}. */
  private boolean isAddition(int at, int local) {
    return at >= 0 && ops[at] == Op.LOAD_LOCAL && arguments[at] == local
        && ops[at + 1] == Op.PUSH_CONST && ops[at + 2] == Op.ADD;
  }

  /** Pushes the pending constants, bottom first. */
  private void flush() {
    for (int i = 0; i < pendingCount; i++) {
      emit(Op.PUSH_CONST, pending[i]);
    }
    pendingCount = 0;
  }

  private void emit(Op op, long argument) {
    append(op, argument, depth);
    depth += op.pushes() - op.pops();
  }

  private void append(Op op, long argument, int before) {
    ops[size] = op;
    arguments[size] = argument;
    depths[size] = before;
    size++;
  }

  private Program result() {
    for (int at = 0; at < size; at++) {
      if (ops[at] == Op.JUMP || ops[at] == Op.JUMP_IF_FALSE) {
        arguments[at] = moved[(int) arguments[at]];
      }
    }
    return Program.laidOut(program, Arrays.copyOf(ops, size), Arrays.copyOf(arguments, size),
        Arrays.copyOf(depths, size));
  }
}
