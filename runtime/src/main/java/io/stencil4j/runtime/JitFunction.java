package io.stencil4j.runtime;

import io.stencil4j.Label;
import io.stencil4j.model.Triple;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Code that {@link JitAssembler#finish} made executable, entered at its first stencil or at any
 * label bound in it. It lives as long as the arena it was finished in: calling it after that
 * arena closed throws.
 */
public final class JitFunction {
  /**
   * Address-less downcall handles by descriptor and options. Linking the first costs milliseconds
   * (a stub is generated); binding one to an address costs a microsecond.
   */
  private static final ConcurrentMap<List<Object>, MethodHandle> DOWNCALLS =
      new ConcurrentHashMap<>();
  /**
   * The last handle looked up without options, found again by the descriptor's identity: a JIT
   * usually enters every function with one descriptor constant, and building and hashing the
   * map's key was a tenth of a small program's compile.
   */
  private static volatile Downcall lastDowncall;

  private final MemorySegment code;
  private final MemorySegment data;
  private final MemorySegment writableData;
  /** Where the code is written after finish; null where it cannot be (no code heap). */
  private final MemorySegment writableCode;
  /** The memory the code is in, which flushes re-patched code; null with no writable code. */
  private final ExecutableMemory memory;
  private final Map<Label, Integer> labels;
  /** The code offsets of its shims, ascending; null if its library has no shim. */
  private final int[] shims;

  JitFunction(MemorySegment code, MemorySegment data, MemorySegment writableCode,
      ExecutableMemory memory, Map<Label, Integer> labels, int[] shims) {
    this.code = code.asReadOnly();
    this.data = data.asReadOnly();
    this.writableData = data;
    this.writableCode = writableCode;
    this.memory = memory;
    this.labels = labels;
    this.shims = shims;
  }

  /**
   * A method handle calling the code with the native calling convention, as the first stencil
   * (the shim) expects it; for instance {@code FunctionDescriptor.of(JAVA_LONG, ADDRESS, ADDRESS)}
   * for {@code int64_t entry(int64_t *stack, int64_t *locals)}. {@code options} are the linker's,
   * such as {@link Linker.Option#critical}, which code that calls back into Java must not use.
   * The handle rethrows what a host function made with {@link Upcalls#stub} threw during the
   * call (if it is made after the first such stub). It may be called from the threads the function's arena allows: a confined arena's
   * owner only; any thread for a shared, global or automatic arena.
   *
   * @param descriptor the shim's C signature
   * @param options the linker's options
   * @return a handle that runs the function
   */
  public MethodHandle handle(FunctionDescriptor descriptor, Linker.Option... options) {
    return handle(code, descriptor, options);
  }

  /**
   * A method handle entering the code at {@code entry}, as {@link #handle(FunctionDescriptor,
   * Linker.Option...)} enters it at the start. When the library has a shim, native code must
   * enter through one: bind the label right before a shim stencil.
   *
   * @throws IllegalArgumentException if {@code entry} is not bound in this function, or not to
   *     a shim when its library has one
   * @param entry a label bound in this function, before a shim stencil if the library has a shim
   * @param descriptor the shim's C signature
   * @param options the linker's options
   * @return a handle that runs the function from {@code entry}
   */
  public MethodHandle handle(Label entry, FunctionDescriptor descriptor,
      Linker.Option... options) {
    int offset = offset(entry);
    if (shims != null && Arrays.binarySearch(shims, offset) < 0) {
      throw new IllegalArgumentException("label " + entry + " is an entry from native code,"
          + " but it is not bound to a SHIM stencil, which this library's stencils need first");
    }
    return handle(code.asSlice(offset), descriptor, options);
  }

  /**
   * The address of the code {@code label} is bound to, e.g. to store in a table another function
   * jumps through.
   *
   * @throws IllegalArgumentException if {@code label} is not bound in this function
   * @param label a label bound in this function
   * @return the address
   */
  public long address(Label label) {
    return code.address() + offset(label);
  }

  /**
   * Patches {@code site}'s holes again for {@code value}, with the range checks of {@link
   * HolePatcher}: code through its writable alias (the executable pages never become writable),
   * then the instruction cache flushed. No thread may run the stencil being patched meanwhile
   * (the rest of the function and of the code heap keeps running): a hole's bytes are not
   * written atomically with respect to instruction fetch.
   *
   * @throws IllegalArgumentException if {@code site} belongs to another function
   * @throws HoleRangeException if the value does not fit a hole; nothing is written then
   * @throws UnsupportedOperationException for a code hole where code is not dual-mapped (each
   *     function in pages of its own: macOS and Windows so far)
   * @param site a site of this function, from {@link JitAssembler#patchable}
   * @param value the new value of the site's holes
   */
  public void patch(PatchSite site, long value) {
    if (site.function != this) {
      throw new IllegalArgumentException("patch site " + site + " belongs to "
          + (site.function == null ? "no function finished yet" : "another function"));
    }
    byte[][] staged = new byte[site.kinds.length][];
    for (int h = 0; h < staged.length; h++) {
      MemorySegment target = site.inData[h] ? data : code;
      if (!site.inData[h] && writableCode == null) {
        throw new UnsupportedOperationException("cannot re-patch " + site + ": code can be"
            + " re-patched only where it is dual-mapped (Linux)");
      }
      staged[h] = target.asSlice(site.offsets[h], site.kinds[h].width()).toArray(
          ValueLayout.JAVA_BYTE);
      try {
        HolePatcher.patch(MemorySegment.ofArray(staged[h]), 0,
            target.address() + site.offsets[h], site.kinds[h], value + site.addends[h]);
      } catch (HoleRangeException e) {
        throw new HoleRangeException(site + ": " + e.getMessage(), e);
      }
    }
    for (int h = 0; h < staged.length; h++) {
      MemorySegment target = site.inData[h] ? writableData : writableCode;
      MemorySegment.copy(MemorySegment.ofArray(staged[h]), 0, target, site.offsets[h],
          staged[h].length);
      if (!site.inData[h]) {
        memory.flush(code.asSlice(site.offsets[h], staged[h].length));
      }
    }
  }

  /**
   * Patches {@code site} for the address of the code {@code label} is bound to.
   *
   * @param site a site of this function, from {@link JitAssembler#patchable}
   * @param label a label bound in this function
   */
  public void patch(PatchSite site, Label label) {
    patch(site, address(label));
  }

  /**
   * The code as assembly, for debugging, by LLVM's {@code llvm-mc} (or the tool named by {@code
   * -Dstencil4j.llvm-mc=PATH}), run with a 30-second timeout.
   *
   * @throws UnsupportedOperationException if llvm-mc cannot be run, or the host has no triple
   * @throws IllegalStateException if it fails or times out
   * @return llvm-mc's listing of the code, in Intel syntax on x86
   */
  public String disassemble() {
    Triple triple = Triple.host().orElseThrow(() -> new UnsupportedOperationException(
        "Stencil4j knows no triple for this machine"));
    return Disassembler.disassemble(code.toArray(ValueLayout.JAVA_BYTE), triple);
  }

  /**
   * {@return the machine code, patched, read-only: the pages are executable and not writable, so a
   * write would crash the JVM rather than throw}
   */
  public MemorySegment code() {
    return code;
  }

  /** {@return the data of every stencil, patched, read-only, within reach of the code} */
  public MemorySegment data() {
    return data;
  }

  @Override
  public String toString() {
    return String.format("JitFunction[code %d B at %#x, data %d B at %#x]",
        code.byteSize(), code.address(), data.byteSize(), data.address());
  }

  private int offset(Label label) {
    Integer offset = labels.get(Objects.requireNonNull(label, "label"));
    if (offset == null) {
      throw new IllegalArgumentException("label " + label + " is not bound in " + this);
    }
    return offset;
  }

  private static MethodHandle handle(MemorySegment entry, FunctionDescriptor descriptor,
      Linker.Option... options) {
    return Upcalls.rethrowing(MethodHandles.insertArguments(invoker(descriptor, options), 0,
        entry));
  }

  /** The address-less downcall handle for {@code descriptor} and {@code options}. */
  private static MethodHandle invoker(FunctionDescriptor descriptor, Linker.Option... options) {
    Downcall recent = lastDowncall;
    if (options.length == 0 && recent != null && recent.descriptor == descriptor) {
      return recent.invoker;
    }
    List<Object> key = new ArrayList<>(options.length + 1);
    key.add(descriptor);
    key.addAll(Arrays.asList(options));
    MethodHandle invoker = DOWNCALLS.get(key);
    if (invoker == null) {
      DOWNCALLS.putIfAbsent(List.copyOf(key), Native.LINKER.downcallHandle(descriptor, options));
      invoker = DOWNCALLS.get(key);
    }
    if (options.length == 0) {
      lastDowncall = new Downcall(descriptor, invoker);
    }
    return invoker;
  }

  /** A downcall handle without options and the descriptor it was made for. */
  private record Downcall(FunctionDescriptor descriptor, MethodHandle invoker) {}
}
