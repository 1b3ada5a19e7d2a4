package io.stencil4j.examples.stackvm;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * A program compiled by {@link StackVmJit}, with native memory for its stack and locals. Not
 * thread-safe: runs share that memory.
 */
public final class CompiledProgram {
  private final MethodHandle entry;
  private final long[] initialLocals;
  private final MemorySegment stack;
  private final MemorySegment locals;

  CompiledProgram(Program program, MethodHandle entry, Arena arena) {
    this.entry = entry;
    this.initialLocals = program.initialLocals();
    this.stack = arena.allocate(JAVA_LONG, Program.MAX_STACK);
    this.locals = arena.allocate(JAVA_LONG, Program.MAX_LOCALS);
  }

  /** Runs the program from the start with its initial locals and returns its result. */
  public long run() {
    MemorySegment.copy(initialLocals, 0, locals, JAVA_LONG, 0, Program.MAX_LOCALS);
    try {
      return (long) entry.invokeExact(stack, locals);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new AssertionError("a downcall threw a checked exception", t);
    }
  }
}
