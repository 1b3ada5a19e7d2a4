package io.stencil4j.runtime;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.util.Optional;

/**
 * A C function of at most six integer or pointer arguments, returning one or nothing, called
 * through one downcall stub that every such function shares: each distinct signature costs a
 * stub generated at first use (milliseconds), and a fresh JVM's first JIT function waits for
 * them. Every argument is passed as a 64-bit word in a register, and the result read as one, as
 * the 64-bit Unix calling conventions (System V x86-64, AArch64) allow: a callee reads the low
 * 32 bits of an {@code int} argument, extra arguments are ignored, and an {@code int} result is
 * the low 32 bits of the word, which the caller casts. Not for Windows, whose x64 convention
 * passes four arguments in registers.
 */
final class WordFunction {
  private static final FunctionDescriptor SIX_WORDS = FunctionDescriptor.of(JAVA_LONG,
      JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG);
  private static final VarHandle ERRNO = Native.capturedError("errno");
  private static MethodHandle invoker;

  private final String name;
  private final MemorySegment address;
  private final MethodHandle call;

  WordFunction(SymbolLookup lookup, String library, String name) {
    this.name = name;
    Optional<MemorySegment> found = lookup.find(name);
    if (found.isEmpty()) {
      throw new UnsupportedOperationException("cannot find the function " + name + " in "
          + library);
    }
    this.address = found.get();
    this.call = invoker();
  }

  private static synchronized MethodHandle invoker() {
    if (invoker == null) {
      invoker = Native.LINKER.downcallHandle(SIX_WORDS, Linker.Option.captureCallState("errno"));
    }
    return invoker;
  }

  /** The result and the errno it left; unused arguments are 0. */
  Result call(long a, long b, long c, long d, long e, long f) {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment state = arena.allocate(Native.CALL_STATE);
      long value = (long) call.invokeExact(address, state, a, b, c, d, e, f);
      return new Result(value, (int) ERRNO.get(state, 0L));
    } catch (Throwable t) {
      throw Native.unexpected(name, t);
    }
  }

  /** A C function's result word and errno after the call. */
  record Result(long value, int errno) {}
}
