package io.stencil4j.examples.stackvm;

/** The host function the CALL_HOST stencil calls, written in Java. */
public final class HostFunctions {
  /** Its C name: {@code int64_t stackvm_host_square(int64_t)} (stackvm.h). */
  public static final String SQUARE_SYMBOL = "stackvm_host_square";

  private HostFunctions() {}

  /** The square of {@code value}, wrapping like the C version's uint64_t arithmetic. */
  public static long square(long value) {
    return value * value;
  }
}
