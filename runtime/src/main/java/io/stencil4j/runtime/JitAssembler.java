package io.stencil4j.runtime;

import io.stencil4j.Label;
import io.stencil4j.StencilSink;
import io.stencil4j.model.StencilGroup;
import io.stencil4j.model.StencilLibrary;
import io.stencil4j.model.Triple;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds one function from stencils: a copy-and-patch JIT. Generated emitters append to it
 * ({@code StackVmStencils.emitter(assembler)}), {@link #bind} marks jump targets, and {@link
 * #finish} puts the code into executable memory, patched, entered at the first stencil appended
 * (the shim).
 *
 * <p>Appending copies the stencil's bytes into a buffer and records which it is; its holes are
 * patched at {@link #finish}, when every address is known. The function's code is every
 * stencil's code, in order; its data every stencil's data, each 16-byte aligned, in memory that
 * is never executable. On Linux functions share the regions of a code heap, within 1 GiB of
 * their data (see {@code CodeHeap}); elsewhere each function gets pages of its own, [code][padding
 * to a page][data]. Code is never writable and executable at once.
 *
 * <p>An assembler builds one function at a time ({@link #reset} for the next) and is used by one
 * thread: it is not thread-safe.
 */
public final class JitAssembler implements StencilSink {
  private final PreparedLibrary library;
  private final SymbolAddresses symbols;
  private final StagedFunction staged;
  private final HoledStencils holed;
  /** Code offsets of the bound labels; a finished function gets a copy. */
  private final BoundLabels labels = new BoundLabels(0);
  /** The patch sites made since the last reset, bound to the function finish makes. */
  private final List<PatchSite> sites = new ArrayList<>();
  private boolean finished;

  /**
   * An assembler whose stencils' external symbols are found in the default native libraries.
   *
   * @param library the host's stencils
   */
  public JitAssembler(StencilLibrary library) {
    this(library, Native.LINKER.defaultLookup());
  }

  /**
   * An assembler for {@code library}'s stencils, which must be the host's; {@code symbols} finds
   * the external symbols they call: the default libraries ({@link
   * java.lang.foreign.Linker#defaultLookup()}), a library ({@link SymbolLookup#libraryLookup}),
   * upcall stubs by name ({@link Symbols#of}), or several chained with {@link SymbolLookup#or}.
   *
   * @throws IllegalArgumentException if the stencils were built for another triple
   * @param library the host's stencils
   * @param symbols finds the stencils' external symbols
   */
  public JitAssembler(StencilLibrary library, SymbolLookup symbols) {
    this.library = PreparedLibrary.of(Objects.requireNonNull(library, "library"));
    this.staged = new StagedFunction(this.library);
    this.holed = new HoledStencils(this.library);
    this.symbols = new SymbolAddresses(
        NativeHelpers.ahead(this.library, Objects.requireNonNull(symbols, "symbols")),
        this.library.size());
  }

  @Override
  public Triple triple() {
    return library.library.triple();
  }

  /**
   * Forgets everything appended, bound and finished, to build the next function with the
   * buffers grown so far and the symbols found so far.
   */
  public void reset() {
    staged.clear();
    labels.forgetAll();
    sites.clear();
    finished = false;
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException if {@code stencil} is not one of the library's
   * @throws IllegalStateException if the stencil appended before has an unfilled parameter, or
   *     a library with a shim does not start with it
   */
  @Override
  public void append(StencilGroup stencil) {
    append(library.get(stencil));
  }

  /**
   * {@inheritDoc} What the assembler prepared for the stencil is found at {@code index} without
   * a lookup; where that is another stencil, by identity.
   *
   * @throws IllegalArgumentException if {@code stencil} is not one of the library's
   * @throws IllegalStateException as {@link #append(StencilGroup)}
   */
  @Override
  public void append(StencilGroup stencil, int index) {
    append(library.get(stencil, index));
  }

  private void append(PreparedStencil prepared) {
    // everything checked holds while quick staging goes on, but for the parameters filled; a
    // shim's place is kept
    if (staged.unfilled == 0 && staged.count < staged.quickUntil
        && prepared.index != library.shimIndex) {
      staged.addQuick(prepared);
    } else {
      appendChecked(prepared);
    }
  }

  private void appendChecked(PreparedStencil prepared) {
    checkNotFinished();
    AssemblyRules.requireFilled(staged);
    if (staged.count == 0) {
      AssemblyRules.requireShimFirst(library, prepared);
    }
    staged.add(prepared);
  }

  @Override
  public void fill(int index, long value) {
    requireParameter(index);
    staged.fill(index, value);
  }

  @Override
  public void fill(int index, Label label) {
    Objects.requireNonNull(label, "label");
    requireParameter(index);
    staged.fill(index, label);
  }

  /**
   * Binds {@code label} to the current position: the code of the next stencil appended.
   *
   * @throws IllegalStateException if the label is bound already
   * @param label a label not bound yet
   */
  public void bind(Label label) {
    Objects.requireNonNull(label, "label");
    checkNotFinished();
    int bound = labels.bind(label, staged.codeSize);
    if (bound >= 0) {
      throw new IllegalStateException(String.format(
          "label %s is bound twice: at code offset %#x and at %#x", label, bound,
          staged.codeSize));
    }
  }

  /**
   * Copies the code and data into executable memory owned by {@code arena}, patches every hole
   * and returns the function. This uses the assembler up until {@link #reset}, whether it
   * succeeds or not.
   *
   * @throws IllegalStateException if nothing was appended, the last stencil continues to a next
   *     one (through a hole or by falling off its end), a parameter is unfilled, a label unbound,
   *     or an external symbol not found
   * @throws HoleRangeException if a value does not fit its hole; the function's space is given
   *     back then (or, where each function has pages of its own, with {@code arena})
   * @throws OutOfMemoryError if the system maps no more memory
   * @param arena owns the function's memory: closing it frees the function
   * @return the function, callable through {@link JitFunction#handle}
   */
  public JitFunction finish(Arena arena) {
    return finish(arena, "stencil4j");
  }

  /**
   * {@link #finish(Arena)}, naming the function {@code name} in perf's map of JIT code when the
   * system property {@code stencil4j.perfmap} is {@code functions} ({@code NAME}) or {@code
   * stencils} ({@code NAME:STENCIL} for each stencil): {@code perf record} then {@code perf
   * report} show JIT code by name.
   *
   * @param arena owns the function's memory: closing it frees the function
   * @param name the function's name in perf's map
   * @return the function, callable through {@link JitFunction#handle}
   */
  public JitFunction finish(Arena arena, String name) {
    Objects.requireNonNull(arena, "arena");
    Objects.requireNonNull(name, "name");
    checkNotFinished();
    finished = true;
    staged.close();
    AssemblyRules.requireFilled(staged);
    if (staged.count == 0) {
      throw new IllegalStateException("nothing to finish: no stencil was appended");
    }
    AssemblyRules.requireEnd(staged);
    FunctionSpace space = FunctionSpace.reserve(staged.codeSize, staged.dataSize, arena);
    try {
      long codeBase = space.codeAddress();
      long dataBase = space.dataAddress();
      FunctionPatcher.resolveLabels(staged, labels, codeBase);
      staged.layOut();
      holed.group(staged);
      symbols.resolve(staged, holed);
      FunctionPatcher.patch(staged, holed, symbols, codeBase, dataBase);
    } catch (RuntimeException e) {
      space.discard();
      throw e;
    }
    MemorySegment.copy(staged.code, 0, space.writableCode(), ValueLayout.JAVA_BYTE, 0,
        staged.codeSize);
    MemorySegment.copy(staged.data, 0, space.data(), ValueLayout.JAVA_BYTE, 0, staged.dataSize);
    JitFunction function = space.publish(arena, labels.freeze(),
        library.hasShim ? staged.shimOffsets() : null);
    for (PatchSite site : sites) {
      site.bind(function, staged);
    }
    String perfMap = PerfMap.mode();
    if (!perfMap.isEmpty()) {
      PerfMap.write(PerfMap.lines(staged, function.code().address(), name,
          perfMap.equals("stencils")));
    }
    return function;
  }

  /**
   * Makes parameter {@code index} of the stencil appended last patchable after {@link #finish},
   * with {@link JitFunction#patch}; fill it as any other now.
   *
   * @throws IllegalStateException if no stencil was appended
   * @throws IndexOutOfBoundsException if the stencil has no such parameter
   * @param index the parameter's index in the stencil's {@link
   *     io.stencil4j.model.StencilGroup#parameters()}
   * @return the site to hand to {@link JitFunction#patch}
   */
  public PatchSite patchable(int index) {
    checkNotFinished();
    AssemblyRules.requireParameter(staged, "patchable", index);
    int last = staged.count - 1;
    PatchSite site = new PatchSite(last, index, "parameter "
        + staged.last().stencil.parameters().get(index) + " of " + staged.describe(last));
    sites.add(site);
    return site;
  }

  /**
   * Checks that parameter {@code index} of the last stencil can be filled: at once while quick
   * staging goes on (it stops at finish), else with the checks that name what is wrong.
   */
  private void requireParameter(int index) {
    if (staged.count >= staged.quickUntil || !staged.hasParameter(index)) {
      checkNotFinished();
      AssemblyRules.requireParameter(staged, "fill", index);
    }
  }

  private void checkNotFinished() {
    if (finished) {
      throw new IllegalStateException("this assembler is finished; reset() it or use a new one");
    }
  }
}
