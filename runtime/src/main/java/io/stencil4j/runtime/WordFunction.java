package io.stencil4j.runtime;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
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
 *
 * <p>errno is captured only after a call that failed, the POSIX way: a result whose low 32 bits
 * are -1 (an {@code int} -1, or {@code MAP_FAILED}). Such a call is made again through a second
 * stub that captures errno, and its result taken. Capturing on every call would cost a fresh
 * JVM that stub, a call-state layout and a var handle, and every call an arena. In exchange,
 * only functions that may be called again are called through here: those that change nothing
 * when they fail (mmap, mprotect, munmap, shmget, shmat, shmctl) and those for which a second
 * call is harmless (getpagesize, strerror, an instruction cache flush, whose result word is
 * whatever the register held, so possibly -1).
 */
final class WordFunction {
  private static final FunctionDescriptor SIX_WORDS = FunctionDescriptor.of(JAVA_LONG,
      JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG);
  private static final int FAILED = -1;
  private static MethodHandle invoker;
  private static MethodHandle capturingInvoker;

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
      invoker = Native.LINKER.downcallHandle(SIX_WORDS);
    }
    return invoker;
  }

  private static synchronized MethodHandle capturingInvoker() {
    if (capturingInvoker == null) {
      capturingInvoker = Native.LINKER.downcallHandle(SIX_WORDS,
          Linker.Option.captureCallState("errno"));
    }
    return capturingInvoker;
  }

  /**
   * The result and, if it is a failure (low 32 bits -1), the errno that the call made again
   * left; 0 for a success. Unused arguments are 0.
   */
  Result call(long a, long b, long c, long d, long e, long f) {
    long value;
    try {
      value = (long) call.invokeExact(address, a, b, c, d, e, f);
    } catch (Throwable t) {
      throw Native.unexpected(name, t);
    }
    return (int) value == FAILED ? callCapturingErrno(a, b, c, d, e, f) : new Result(value, 0);
  }

  private Result callCapturingErrno(long a, long b, long c, long d, long e, long f) {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment state = arena.allocate(Native.callState());
      long value = (long) capturingInvoker().invokeExact(address, state, a, b, c, d, e, f);
      int errno = (int) value == FAILED ? (int) Native.capturedError("errno").get(state, 0L) : 0;
      return new Result(value, errno);
    } catch (Throwable t) {
      throw Native.unexpected(name, t);
    }
  }

  /** A C function's result word and, after a failure, its errno. */
  record Result(long value, int errno) {}
}
