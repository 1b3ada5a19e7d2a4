package io.stencil4j.examples.stackvm;

/**
 * The reference: a switch interpreter over a program decoded into arrays, with the same wrapping
 * arithmetic as the stencils (Java's long arithmetic wraps like the C side's uint64_t).
 */
public final class Interpreter {
  /** The table inside the PUSH_PRIME stencil (vm_cases.c), indexed modulo 16. */
  private static final long[] PRIMES =
      {2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53};

  private final Op[] ops;
  private final long[] arguments;
  private final long[] initialLocals;

  public Interpreter(Program program) {
    // the program's own arrays, which nothing modifies
    ops = program.ops();
    arguments = program.arguments();
    initialLocals = program.initialLocals();
  }

  /** The value PUSH_PRIME pushes for {@code argument}: an entry of its stencil's table. */
  public static long prime(long argument) {
    return PRIMES[(int) (argument & 15)];
  }

  /** Runs the program from the start with its initial locals and returns its result. */
  public long run() {
    long[] stack = new long[Program.MAX_STACK];
    long[] locals = initialLocals.clone();
    int sp = 0;
    int pc = 0;
    while (true) {
      long argument = arguments[pc];
      switch (ops[pc++]) {
        case PUSH_CONST -> stack[sp++] = argument;
        case LOAD_LOCAL -> stack[sp++] = locals[(int) argument];
        case STORE_LOCAL -> locals[(int) argument] = stack[--sp];
        case ADD -> {
          sp--;
          stack[sp - 1] += stack[sp];
        }
        case SUB -> {
          sp--;
          stack[sp - 1] -= stack[sp];
        }
        case MUL -> {
          sp--;
          stack[sp - 1] *= stack[sp];
        }
        case LESS_THAN -> {
          sp--;
          stack[sp - 1] = stack[sp - 1] < stack[sp] ? 1 : 0;
        }
        case JUMP -> pc = (int) argument;
        case JUMP_IF_FALSE -> {
          if (stack[--sp] == 0) {
            pc = (int) argument;
          }
        }
        case CALL_HOST -> stack[sp - 1] = HostFunctions.square(stack[sp - 1]);
        case PUSH_PRIME -> stack[sp++] = prime(argument);
        case RETURN -> {
          return stack[sp - 1];
        }
      }
    }
  }
}
