package io.stencil4j.runtime;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Java host functions that JIT code may call and that may throw. An exception escaping a plain
 * upcall stub terminates the JVM; a stub made here catches it instead, returns zero (or nothing)
 * to the JIT code, and the {@link JitFunction#handle} call running on that thread rethrows it
 * when the JIT code returns. The JIT code runs on until it returns, with the zero: make such a
 * function's side effects harmless, or check for the zero.
 *
 * <p>The exception is kept per thread, the first one until it is rethrown; one thrown while the
 * stub is called from native code that no {@link JitFunction#handle} called is rethrown by the
 * next such call on that thread. Handles made before the first stub do not look for exceptions
 * (so that a program without such stubs pays nothing): a function calling a stub is finished
 * after the stub exists, since its symbols are resolved then, but make a handle again if it
 * reaches a stub through another way, such as an address in its data.
 */
public final class Upcalls {
  private static final ThreadLocal<Throwable> PENDING = new ThreadLocal<>();
  private static volatile boolean made;

  private Upcalls() {}

  /**
   * The handles on {@link #record} and {@link #rethrowPending}, looked up with the first stub:
   * a fresh JVM whose JIT functions call no stub spins no method handle for them.
   */
  private static final class Handles {
    static final MethodHandle RECORD;
    static final MethodHandle RETHROW;

    static {
      try {
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        RECORD = lookup.findStatic(Upcalls.class, "record",
            MethodType.methodType(void.class, Throwable.class));
        RETHROW = lookup.findStatic(Upcalls.class, "rethrowPending",
            MethodType.methodType(void.class));
      } catch (ReflectiveOperationException e) {
        throw new ExceptionInInitializerError(e);
      }
    }
  }

  /**
   * An upcall stub calling {@code target}, which has {@code descriptor}'s type, living as long as
   * {@code arena}; what {@code target} throws is rethrown by the JIT function's call.
   *
   * @param target the Java host function
   * @param descriptor its C signature
   * @param arena owns the stub: closing it frees the stub
   * @return the stub's address, to hand to {@link Symbols#of}
   */
  public static MemorySegment stub(MethodHandle target, FunctionDescriptor descriptor,
      Arena arena) {
    made = true;
    MethodType type = descriptor.toMethodType();
    MethodHandle recordAndReturnZero = MethodHandles.foldArguments(
        MethodHandles.dropArguments(MethodHandles.zero(type.returnType()), 0, Throwable.class),
        Handles.RECORD);
    MethodHandle handler = MethodHandles.dropArguments(recordAndReturnZero, 1,
        type.parameterList());
    return Native.LINKER.upcallStub(
        MethodHandles.catchException(target.asType(type), Throwable.class, handler),
        descriptor, arena);
  }

  /** {@code handle}, rethrowing after it returns what a stub caught meanwhile on this thread. */
  static MethodHandle rethrowing(MethodHandle handle) {
    if (!made) {
      return handle;
    }
    Class<?> result = handle.type().returnType();
    MethodHandle check = result == void.class ? Handles.RETHROW : MethodHandles.foldArguments(
        MethodHandles.identity(result), MethodHandles.dropArguments(Handles.RETHROW, 0, result));
    return MethodHandles.filterReturnValue(handle, check);
  }

  private static void record(Throwable thrown) {
    if (PENDING.get() == null) {
      PENDING.set(thrown);
    }
  }

  private static void rethrowPending() throws Throwable {
    Throwable thrown = PENDING.get();
    if (thrown != null) {
      PENDING.remove();
      throw thrown;
    }
  }
}
