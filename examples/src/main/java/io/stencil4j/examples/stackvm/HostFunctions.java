package io.stencil4j.examples.stackvm;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import io.stencil4j.runtime.Symbols;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/** The host function the CALL_HOST stencil calls, written in Java. */
public final class HostFunctions {
  /** Its C name: {@code int64_t stackvm_host_square(int64_t)} (stackvm.h). */
  public static final String SQUARE_SYMBOL = "stackvm_host_square";

  /** Its C signature. */
  private static final FunctionDescriptor SQUARE_TYPE = FunctionDescriptor.of(JAVA_LONG, JAVA_LONG);

  private HostFunctions() {}

  /** The square of {@code value}, wrapping like the C version's uint64_t arithmetic. */
  public static long square(long value) {
    return value * value;
  }

  /**
   * Finds {@link #SQUARE_SYMBOL}: an upcall stub to {@link #square} that lives in {@code
   * arena}, linked when the first function that calls it is finished, if one is.
   */
  static SymbolLookup lookup(Arena arena) {
    return Symbols.lazy(SQUARE_SYMBOL,
        () -> Linker.nativeLinker().upcallStub(squareHandle(), SQUARE_TYPE, arena));
  }

  private static MethodHandle squareHandle() {
    try {
      return MethodHandles.lookup().findStatic(HostFunctions.class, "square",
          MethodType.methodType(long.class, long.class));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
