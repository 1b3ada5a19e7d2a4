package io.stencil4j.examples.stackvm;

import static io.stencil4j.examples.stackvm.Instruction.of;
import static io.stencil4j.examples.stackvm.Op.ADD;
import static io.stencil4j.examples.stackvm.Op.CALL_HOST;
import static io.stencil4j.examples.stackvm.Op.JUMP;
import static io.stencil4j.examples.stackvm.Op.JUMP_IF_FALSE;
import static io.stencil4j.examples.stackvm.Op.LESS_THAN;
import static io.stencil4j.examples.stackvm.Op.LOAD_LOCAL;
import static io.stencil4j.examples.stackvm.Op.MUL;
import static io.stencil4j.examples.stackvm.Op.PUSH_CONST;
import static io.stencil4j.examples.stackvm.Op.PUSH_PRIME;
import static io.stencil4j.examples.stackvm.Op.RETURN;
import static io.stencil4j.examples.stackvm.Op.STORE_LOCAL;
import static io.stencil4j.examples.stackvm.Op.SUB;

import java.util.ArrayList;
import java.util.List;

/** The stack VM's programs: the C consumer's four (examples/c/stackvm_main.c), and a large one. */
public final class Programs {
  /** The length of one block of {@link #synthetic}. */
  private static final int BLOCK = 14;

  private Programs() {}

  /** The four programs of the C consumer, in its order. */
  public static List<Program> all() {
    return List.of(factorial(), sum(), fibonacci(), sumOfSquaredPrimes());
  }

  /** factorial(20): acc = 1; while (0 < n) { acc *= n; n -= 1; }. */
  public static Program factorial() {
    return new Program("factorial(20)", List.of(
        of(PUSH_CONST, 0), of(LOAD_LOCAL, 0), of(LESS_THAN), of(JUMP_IF_FALSE, 13),
        of(LOAD_LOCAL, 1), of(LOAD_LOCAL, 0), of(MUL), of(STORE_LOCAL, 1),
        of(LOAD_LOCAL, 0), of(PUSH_CONST, 1), of(SUB), of(STORE_LOCAL, 0), of(JUMP, 0),
        of(LOAD_LOCAL, 1), of(RETURN)),
        List.of(20L, 1L));
  }

  /** sum(1..1000000): s = 0; i = 1; while (i < 1000001) { s += i; i += 1; }. */
  public static Program sum() {
    return new Program("sum(1..1000000)", List.of(
        of(LOAD_LOCAL, 1), of(PUSH_CONST, 1000001), of(LESS_THAN), of(JUMP_IF_FALSE, 13),
        of(LOAD_LOCAL, 0), of(LOAD_LOCAL, 1), of(ADD), of(STORE_LOCAL, 0),
        of(LOAD_LOCAL, 1), of(PUSH_CONST, 1), of(ADD), of(STORE_LOCAL, 1), of(JUMP, 0),
        of(LOAD_LOCAL, 0), of(RETURN)),
        List.of(0L, 1L));
  }

  /** fib(90): a = 0; b = 1; while (0 < n) { t = a + b; a = b; b = t; n -= 1; } return a. */
  public static Program fibonacci() {
    return new Program("fib(90)", List.of(
        of(PUSH_CONST, 0), of(LOAD_LOCAL, 0), of(LESS_THAN), of(JUMP_IF_FALSE, 17),
        of(LOAD_LOCAL, 1), of(LOAD_LOCAL, 2), of(ADD), of(STORE_LOCAL, 3),
        of(LOAD_LOCAL, 2), of(STORE_LOCAL, 1), of(LOAD_LOCAL, 3), of(STORE_LOCAL, 2),
        of(LOAD_LOCAL, 0), of(PUSH_CONST, 1), of(SUB), of(STORE_LOCAL, 0), of(JUMP, 0),
        of(LOAD_LOCAL, 1), of(RETURN)),
        List.of(90L, 0L, 1L, 0L));
  }

  /** The squares of the primes 2..53 from the stencil's table, squared by the host, summed. */
  public static Program sumOfSquaredPrimes() {
    List<Instruction> code = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      code.addAll(List.of(of(PUSH_PRIME, i), of(CALL_HOST), of(LOAD_LOCAL, 0), of(ADD),
          of(STORE_LOCAL, 0)));
    }
    code.addAll(List.of(of(LOAD_LOCAL, 0), of(RETURN)));
    return new Program("sum of squared primes", code, List.of(0L));
  }

  /**
   * sum of squares(1..1000): s = 0; i = 1; while (i < 1001) { s += square(i); i += 1; }. Each
   * call's argument is known only at run time, so no JIT can fold the host's square away.
   */
  public static Program sumOfSquares() {
    return new Program("sum of squares(1..1000)", List.of(
        of(LOAD_LOCAL, 1), of(PUSH_CONST, 1001), of(LESS_THAN), of(JUMP_IF_FALSE, 14),
        of(LOAD_LOCAL, 1), of(CALL_HOST), of(LOAD_LOCAL, 0), of(ADD), of(STORE_LOCAL, 0),
        of(LOAD_LOCAL, 1), of(PUSH_CONST, 1), of(ADD), of(STORE_LOCAL, 1), of(JUMP, 0),
        of(LOAD_LOCAL, 0), of(RETURN)),
        List.of(0L, 1L));
  }

  /**
   * A loop-free program of exactly {@code length} instructions that uses every operation, for
   * measuring how fast code is emitted: blocks of 14 instructions that fold a prime's square into
   * local 0 and take a conditional and an unconditional jump to the next block.
   */
  public static Program synthetic(int length) {
    if (length < 2) {
      throw new IllegalArgumentException("a program needs at least 2 instructions, not " + length);
    }
    int body = length - 2;
    List<Instruction> code = new ArrayList<>(length);
    for (int block = 0; code.size() + BLOCK <= body; block++) {
      int next = code.size() + BLOCK;
      code.addAll(List.of(
          of(LOAD_LOCAL, 0), of(PUSH_PRIME, block), of(CALL_HOST), of(ADD),
          of(PUSH_CONST, block), of(SUB), of(PUSH_CONST, 3), of(MUL), of(STORE_LOCAL, 0),
          of(LOAD_LOCAL, 1), of(PUSH_CONST, 2), of(LESS_THAN), of(JUMP_IF_FALSE, next),
          of(JUMP, next)));
    }
    while (code.size() < body) {
      code.add(of(JUMP, code.size() + 1));
    }
    code.addAll(List.of(of(LOAD_LOCAL, 0), of(RETURN)));
    return new Program("synthetic(" + length + ")", code, List.of(0L, 1L));
  }
}
