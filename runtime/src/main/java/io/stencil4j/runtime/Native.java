package io.stencil4j.runtime;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/** Downcalls into the operating system's C libraries, and the error codes they leave behind. */
final class Native {
  static final Linker LINKER = Linker.nativeLinker();

  private Native() {}

  /**
   * The layout of what {@link Linker.Option#captureCallState} captures; asked for only where a
   * call state is, as building it costs a fresh JVM a layout and its classes.
   */
  static StructLayout callState() {
    return Linker.Option.captureStateLayout();
  }

  /** A downcall to {@code name}, found in {@code lookup}, which {@code library} names. */
  static MethodHandle function(SymbolLookup lookup, String library, String name,
      FunctionDescriptor descriptor, Linker.Option... options) {
    MemorySegment address = lookup.find(name).orElseThrow(() -> new UnsupportedOperationException(
        "cannot find the function " + name + " in " + library));
    return LINKER.downcallHandle(address, descriptor, options);
  }

  /** A handle on the error code {@code name} (errno, GetLastError) in a captured call state. */
  static VarHandle capturedError(String name) {
    return callState().varHandle(MemoryLayout.PathElement.groupElement(name));
  }

  /**
   * For the one checked exception {@link MethodHandle#invokeExact} declares: the C functions
   * called here throw nothing of their own.
   */
  static AssertionError unexpected(String function, Throwable thrown) {
    return new AssertionError("the downcall to " + function + " threw", thrown);
  }
}
