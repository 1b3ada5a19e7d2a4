package io.stencil4j.runtime;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Code that {@link JitAssembler#finish} made executable, entered at its first stencil. It lives as
 * long as the arena it was finished in: calling it after that arena closed throws.
 */
public final class JitFunction {
  /**
   * Address-less downcall handles by descriptor and options. Linking the first costs milliseconds
   * (a stub is generated); binding one to an address costs a microsecond.
   */
  private static final ConcurrentMap<List<Object>, MethodHandle> DOWNCALLS =
      new ConcurrentHashMap<>();

  private final MemorySegment code;
  private final MemorySegment data;

  JitFunction(MemorySegment code, MemorySegment data) {
    this.code = code.asReadOnly();
    this.data = data.asReadOnly();
  }

  /**
   * A method handle calling the code with the native calling convention, as the first stencil
   * (the shim) expects it; for instance {@code FunctionDescriptor.of(JAVA_LONG, ADDRESS, ADDRESS)}
   * for {@code int64_t entry(int64_t *stack, int64_t *locals)}. {@code options} are the linker's,
   * such as {@link Linker.Option#critical}, which code that calls back into Java must not use.
   * The handle rethrows what a host function made with {@link Upcalls#stub} threw during the
   * call. It may be called from the threads the function's arena allows: a confined arena's
   * owner only; any thread for a shared, global or automatic arena.
   */
  public MethodHandle handle(FunctionDescriptor descriptor, Linker.Option... options) {
    List<Object> key = new ArrayList<>(options.length + 1);
    key.add(descriptor);
    key.addAll(Arrays.asList(options));
    MethodHandle invoker = DOWNCALLS.computeIfAbsent(List.copyOf(key),
        unused -> Native.LINKER.downcallHandle(descriptor, options));
    return Upcalls.rethrowing(MethodHandles.insertArguments(invoker, 0, code));
  }

  /**
   * The machine code, patched, read-only: the pages are executable and not writable, so a write
   * would crash the JVM rather than throw.
   */
  public MemorySegment code() {
    return code;
  }

  /** The data of every stencil, patched, read-only, at a page boundary after the code. */
  public MemorySegment data() {
    return data;
  }

  @Override
  public String toString() {
    return String.format("JitFunction[code %d B at %#x, data %d B at %#x]",
        code.byteSize(), code.address(), data.byteSize(), data.address());
  }
}
