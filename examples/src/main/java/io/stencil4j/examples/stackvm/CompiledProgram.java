package io.stencil4j.examples.stackvm;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import io.stencil4j.runtime.JitFunction;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * A program compiled by {@link StackVmJit} or {@link RegisterVmJit}, with native memory for its
 * stack and locals. Not thread-safe: runs share that memory.
 */
public final class CompiledProgram {
  /**
   * The shim's signature as the runs call it: {@code int64_t entry(int64_t *stack, int64_t
   * *locals)}, the pointers passed as the 64-bit words they are on every host the runtime runs
   * on, so that a call checks no memory segment.
   */
  private static final FunctionDescriptor WORDS =
      FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG);

  /** The entry of a program that may call back into Java; null for a critical one. */
  private final MethodHandle entry;
  /** The code of a critical program, entered through {@link CriticalEntry}; null otherwise. */
  private final MemorySegment code;
  private final long[] initialLocals;
  private final boolean writesLocals;
  private final MemorySegment locals;
  private final long stackAddress;
  private final long localsAddress;

  /**
   * {@code function}, entered through its shim; {@code writesLocals} if its code stores into the
   * locals' memory, which each run must then fill again; {@code critical} if its code neither
   * blocks nor calls back into Java, so that a critical downcall, which skips the thread's
   * state transitions, may enter it.
   */
  CompiledProgram(Program program, JitFunction function, boolean writesLocals, Arena arena,
      boolean critical) {
    this.entry = critical ? null : function.handle(WORDS);
    this.code = critical ? function.code() : null;
    this.initialLocals = program.initialLocals();
    this.writesLocals = writesLocals;
    this.stackAddress = arena.allocate(JAVA_LONG, Program.MAX_STACK).address();
    this.locals = arena.allocate(JAVA_LONG, Program.MAX_LOCALS);
    this.localsAddress = locals.address();
    MemorySegment.copy(initialLocals, 0, locals, JAVA_LONG, 0, Program.MAX_LOCALS);
  }

  /** Runs the program from the start with its initial locals and returns its result. */
  public long run() {
    if (writesLocals) {
      MemorySegment.copy(initialLocals, 0, locals, JAVA_LONG, 0, Program.MAX_LOCALS);
    }
    try {
      return code != null ? (long) CriticalEntry.HANDLE.invokeExact(code, stackAddress,
          localsAddress) : (long) entry.invokeExact(stackAddress, localsAddress);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new AssertionError("a downcall threw a checked exception", t);
    }
  }

  /**
   * The critical downcall every critical program is entered through, its code the first
   * argument: one constant handle, which C2 inlines into {@link #run}, where a handle per
   * program would be called through its lambda forms. Made on first use, so that a JVM that runs
   * only the stack VM never links it.
   */
  private static final class CriticalEntry {
    static final MethodHandle HANDLE =
        Linker.nativeLinker().downcallHandle(WORDS, Linker.Option.critical(false));
  }
}
