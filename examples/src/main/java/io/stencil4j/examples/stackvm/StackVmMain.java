package io.stencil4j.examples.stackvm;

import java.io.PrintStream;
import java.lang.foreign.Arena;
import java.util.List;

/**
 * The stack VM's Java consumer, the twin of examples/c/stackvm_main.c and regvm_main.c:
 * JIT-compiles each program from the stencils (copy and patch, through java.lang.foreign) with
 * both JITs, the stack VM's and the register VM's, runs it, and checks its results against the
 * interpreter's. Exits with 1 if any differs.
 */
public final class StackVmMain {
  private StackVmMain() {}

  public static void main(String[] args) {
    if (report(System.out) != 0) {
      System.exit(1);
    }
  }

  /** Prints one row per program and a summary to {@code out}; returns how many differ. */
  static int report(PrintStream out) {
    List<Program> programs = Programs.all();
    int different = 0;
    try (Arena arena = Arena.ofConfined()) {
      StackVmJit jit = new StackVmJit(arena);
      RegisterVmJit registerJit = new RegisterVmJit();
      out.printf("stack VM (Java), stencils for %s%n", jit.triple());
      out.printf("%-24s %22s %22s %22s  %s%n", "program", "interpreter", "JIT", "register JIT",
          "");
      for (Program program : programs) {
        long expected = new Interpreter(program).run();
        long actual = jit.compile(program, arena).run();
        long registers = registerJit.compile(program, arena).run();
        boolean equal = actual == expected && registers == expected;
        different += equal ? 0 : 1;
        out.printf("%-24s %22d %22d %22d  %s%n", program.name(), expected, actual, registers,
            equal ? "equal" : "DIFFERENT");
      }
    }
    out.printf("%d programs, %d different%n", programs.size(), different);
    return different;
  }
}
