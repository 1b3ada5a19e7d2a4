package io.stencil4j.runtime;

import io.stencil4j.Label;
import io.stencil4j.StencilSink;
import io.stencil4j.model.HoleKind;
import io.stencil4j.model.HoleValue;
import io.stencil4j.model.StencilGroup;
import io.stencil4j.model.StencilLibrary;
import io.stencil4j.model.Triple;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds one function from stencils: a copy-and-patch JIT. Generated emitters append to it
 * ({@code StackVmStencils.emitter(assembler)}), {@link #bind} marks jump targets, and {@link
 * #finish} puts the code into executable memory, patched, entered at the first stencil appended
 * (the shim).
 *
 * <p>Appending copies the stencil's bytes into a buffer and records where it went; its holes are
 * patched at {@link #finish}, when every address is known. The function's code is every
 * stencil's code, in order; its data every stencil's data, each 16-byte aligned, in memory that
 * is never executable. On Linux functions share the regions of a code heap, within 1 GiB of
 * their data (see {@code CodeHeap}); elsewhere each function gets pages of its own, [code][padding
 * to a page][data]. Code is never writable and executable at once.
 *
 * <p>An assembler builds one function and is not thread-safe.
 */
public final class JitAssembler implements StencilSink {
  private static final int INITIAL_STENCILS = 64;

  private final PreparedLibrary library;
  private final SymbolLookup symbols;
  /** Code offsets of the bound labels; handed to the function finished, not copied. */
  private Map<Label, Integer> labels = new IdentityHashMap<>();
  /** The addresses of each used stencil's external symbols, by stencil index; kept by reset. */
  private final long[][] symbolAddresses;
  /** The stencils appended since the last reset, each once, and whether each is among them. */
  private final PreparedStencil[] used;
  private final boolean[] isUsed;
  private int usedCount;

  private byte[] code = new byte[INITIAL_STENCILS * 32];
  private int codeSize;
  private byte[] data = new byte[INITIAL_STENCILS * 16];
  private int dataSize;

  // Per appended stencil, in parallel, so appending allocates nothing once the arrays have grown.
  private PreparedStencil[] appended = new PreparedStencil[INITIAL_STENCILS];
  private int[] codeAt = new int[INITIAL_STENCILS];
  private int[] dataAt = new int[INITIAL_STENCILS];
  private int[] parametersAt = new int[INITIAL_STENCILS];
  private int count;

  // Per parameter of the appended stencils; a label's code offset replaces it in finish.
  private long[] parameterValues = new long[INITIAL_STENCILS];
  private Label[] parameterLabels = new Label[INITIAL_STENCILS];
  private boolean[] filled = new boolean[INITIAL_STENCILS];
  private int parameterCount;

  /** The patch sites made since the last reset, bound to the function finish makes. */
  private final List<PatchSite> sites = new ArrayList<>();

  private boolean finished;

  /** An assembler whose stencils' external symbols are found in the default native libraries. */
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
   */
  public JitAssembler(StencilLibrary library, SymbolLookup symbols) {
    this.library = PreparedLibrary.of(Objects.requireNonNull(library, "library"));
    this.symbols = Objects.requireNonNull(symbols, "symbols");
    this.symbolAddresses = new long[this.library.size()][];
    this.used = new PreparedStencil[this.library.size()];
    this.isUsed = new boolean[this.library.size()];
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
    Arrays.fill(parameterLabels, 0, parameterCount, null);
    Arrays.fill(filled, 0, parameterCount, false);
    for (int i = 0; i < usedCount; i++) {
      isUsed[used[i].index] = false;
    }
    if (!labels.isEmpty()) {
      // the function finished last keeps the map
      labels = new IdentityHashMap<>();
    }
    sites.clear();
    count = 0;
    codeSize = 0;
    dataSize = 0;
    parameterCount = 0;
    usedCount = 0;
    finished = false;
  }

  @Override
  public void append(StencilGroup stencil) {
    checkNotFinished();
    checkFilled();
    PreparedStencil prepared = library.get(stencil);
    if (count == 0) {
      checkShimFirst(stencil);
    }
    if (!isUsed[prepared.index]) {
      isUsed[prepared.index] = true;
      used[usedCount++] = prepared;
    }
    reserve(prepared);
    stencil.copyCode(code, codeSize);
    stencil.copyData(data, dataSize);
    appended[count] = prepared;
    codeAt[count] = codeSize;
    dataAt[count] = dataSize;
    parametersAt[count] = parameterCount;
    count++;
    codeSize += prepared.codeSize;
    dataSize += prepared.dataSize;
    parameterCount += prepared.parameterCount;
  }

  @Override
  public void fill(int index, long value) {
    parameterValues[slot(index)] = value;
  }

  @Override
  public void fill(int index, Label label) {
    Objects.requireNonNull(label, "label");
    parameterLabels[slot(index)] = label;
  }

  /**
   * Binds {@code label} to the current position: the code of the next stencil appended.
   *
   * @throws IllegalStateException if the label is bound already
   */
  public void bind(Label label) {
    Objects.requireNonNull(label, "label");
    checkNotFinished();
    Integer bound = labels.putIfAbsent(label, codeSize);
    if (bound != null) {
      throw new IllegalStateException(String.format(
          "label %s is bound twice: at code offset %#x and at %#x", label, bound, codeSize));
    }
  }

  /**
   * Copies the code and data into executable memory owned by {@code arena}, patches every hole
   * and returns the function. This uses the assembler up until {@link #reset}, whether it
   * succeeds or not.
   *
   * @throws IllegalStateException if nothing was appended, a parameter is unfilled, a label
   *     unbound, or an external symbol not found
   * @throws HoleRangeException if a value does not fit its hole; the function's space is given
   *     back then (or, where each function has pages of its own, with {@code arena})
   * @throws OutOfMemoryError if the system maps no more memory
   */
  public JitFunction finish(Arena arena) {
    return finish(arena, "stencil4j");
  }

  /**
   * {@link #finish(Arena)}, naming the function {@code name} in perf's map of JIT code when the
   * system property {@code stencil4j.perfmap} is {@code functions} ({@code NAME}) or {@code
   * stencils} ({@code NAME:STENCIL} for each stencil): {@code perf record} then {@code perf
   * report} show JIT code by name.
   */
  public JitFunction finish(Arena arena, String name) {
    Objects.requireNonNull(arena, "arena");
    Objects.requireNonNull(name, "name");
    checkNotFinished();
    finished = true;
    checkFilled();
    if (count == 0) {
      throw new IllegalStateException("nothing to finish: no stencil was appended");
    }
    checkEnd();
    resolveLabels();
    resolveSymbols();
    FunctionSpace space = FunctionSpace.reserve(codeSize, dataSize, arena);
    try {
      patch(space.codeAddress(), space.dataAddress());
    } catch (RuntimeException e) {
      space.discard();
      throw e;
    }
    MemorySegment.copy(code, 0, space.writableCode(), ValueLayout.JAVA_BYTE, 0, codeSize);
    MemorySegment.copy(data, 0, space.data(), ValueLayout.JAVA_BYTE, 0, dataSize);
    JitFunction function = space.publish(arena, Collections.unmodifiableMap(labels),
        library.hasShim ? shimOffsets() : null);
    for (PatchSite site : sites) {
      bind(site, function);
    }
    String perfMap = PerfMap.mode();
    if (!perfMap.isEmpty()) {
      PerfMap.write(perfMapLines(function.code().address(), name, perfMap.equals("stencils")));
    }
    return function;
  }

  /**
   * Makes parameter {@code index} of the stencil appended last patchable after {@link #finish},
   * with {@link JitFunction#patch}; fill it as any other now.
   *
   * @throws IllegalStateException if no stencil was appended
   * @throws IndexOutOfBoundsException if the stencil has no such parameter
   */
  public PatchSite patchable(int index) {
    checkNotFinished();
    checkParameter("patchable", index);
    sites.add(new PatchSite(count - 1, index, "parameter "
        + appended[count - 1].stencil.parameters().get(index) + " of " + describe(count - 1)));
    return sites.get(sites.size() - 1);
  }

  /** The code offsets of the shims appended, ascending. */
  private int[] shimOffsets() {
    int[] offsets = new int[count];
    int shims = 0;
    for (int i = 0; i < count; i++) {
      if (appended[i].index == library.shimIndex) {
        offsets[shims++] = codeAt[i];
      }
    }
    return Arrays.copyOf(offsets, shims);
  }

  /** The function's lines in perf's map: one, or one per stencil that has code. */
  private String perfMapLines(long codeBase, String name, boolean perStencil) {
    if (!perStencil) {
      return PerfMap.line(codeBase, Math.max(codeSize, 1), name);
    }
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < count; i++) {
      if (appended[i].codeSize > 0) {
        lines.append(PerfMap.line(codeBase + codeAt[i], appended[i].codeSize,
            name + ":" + appended[i].stencil.name()));
      }
    }
    return lines.toString();
  }

  /** Tells {@code site} where its holes are in {@code function}. */
  private void bind(PatchSite site, JitFunction function) {
    PreparedStencil stencil = appended[site.stencil];
    int holes = 0;
    for (int h = 0; h < stencil.holeCount; h++) {
      if (isParameter(stencil, h, site.parameter)) {
        holes++;
      }
    }
    boolean[] inData = new boolean[holes];
    int[] offsets = new int[holes];
    HoleKind[] kinds = new HoleKind[holes];
    long[] addends = new long[holes];
    int next = 0;
    for (int h = 0; h < stencil.holeCount; h++) {
      if (isParameter(stencil, h, site.parameter)) {
        inData[next] = stencil.inData(h);
        offsets[next] = (inData[next] ? dataAt[site.stencil] : codeAt[site.stencil])
            + stencil.offsets[h];
        kinds[next] = stencil.kinds[h];
        addends[next] = stencil.addends[h];
        next++;
      }
    }
    site.bind(function, inData, offsets, kinds, addends);
  }

  private static boolean isParameter(PreparedStencil stencil, int hole, int parameter) {
    return stencil.values[hole] == HoleValue.PARAMETER && stencil.references[hole] == parameter;
  }

  private void reserve(PreparedStencil stencil) {
    if (count == appended.length) {
      int capacity = grown(count, count + 1);
      appended = Arrays.copyOf(appended, capacity);
      codeAt = Arrays.copyOf(codeAt, capacity);
      dataAt = Arrays.copyOf(dataAt, capacity);
      parametersAt = Arrays.copyOf(parametersAt, capacity);
    }
    if (parameterCount + stencil.parameterCount > filled.length) {
      int capacity = grown(filled.length, parameterCount + stencil.parameterCount);
      parameterValues = Arrays.copyOf(parameterValues, capacity);
      parameterLabels = Arrays.copyOf(parameterLabels, capacity);
      filled = Arrays.copyOf(filled, capacity);
    }
    if (codeSize + stencil.codeSize > code.length) {
      code = Arrays.copyOf(code, grown(code.length, Math.addExact(codeSize, stencil.codeSize)));
    }
    if (dataSize + stencil.dataSize > data.length) {
      data = Arrays.copyOf(data, grown(data.length, Math.addExact(dataSize, stencil.dataSize)));
    }
  }

  private static int grown(int length, int needed) {
    return Math.max(needed, length <= Integer.MAX_VALUE / 2 ? length * 2 : Integer.MAX_VALUE);
  }

  /** The parameter slot of the last stencil's parameter {@code index}, marked filled. */
  private int slot(int index) {
    checkNotFinished();
    checkParameter("fill", index);
    StencilGroup stencil = appended[count - 1].stencil;
    int slot = parametersAt[count - 1] + index;
    if (filled[slot]) {
      throw new IllegalStateException("parameter " + stencil.parameters().get(index) + " of "
          + describe(count - 1) + " is filled twice");
    }
    filled[slot] = true;
    return slot;
  }

  /** Checks that the stencil appended last has a parameter {@code index}. */
  private void checkParameter(String method, int index) {
    if (count == 0) {
      throw new IllegalStateException(method + "(" + index + ") before any append: " + method
          + " takes a parameter of the stencil appended last");
    }
    StencilGroup stencil = appended[count - 1].stencil;
    if (index < 0 || index >= stencil.parameters().size()) {
      throw new IndexOutOfBoundsException(
          "stencil " + stencil.name() + " has the parameters " + stencil.parameters()
              + ", no parameter " + index);
    }
  }

  /** Checks that the stencil appended last has all its parameters. */
  private void checkFilled() {
    if (count == 0) {
      return;
    }
    int first = parametersAt[count - 1];
    for (int slot = first; slot < parameterCount; slot++) {
      if (!filled[slot]) {
        throw new IllegalStateException("parameter "
            + appended[count - 1].stencil.parameters().get(slot - first) + " of "
            + describe(count - 1) + " was never filled");
      }
    }
  }

  /** Native code enters stencils through the shim only, when the library has one. */
  private void checkShimFirst(StencilGroup first) {
    if (library.hasShim && !first.name().equals(PreparedLibrary.SHIM)) {
      throw new IllegalStateException("stencil " + first.name() + " is appended first, but this"
          + " library has a shim: a function must start with stencil SHIM (the emitter's"
          + " shim()), which native code calls");
    }
  }

  /**
   * The last stencil must not continue to a next one, which would be whatever follows the
   * function in memory. Only a jump to the next stencil is seen here: a stencil whose code falls
   * off its end (its trailing jump removed) has no hole that says so.
   */
  private void checkEnd() {
    PreparedStencil last = appended[count - 1];
    for (int h = 0; h < last.codeHoleCount; h++) {
      if (last.values[h] == HoleValue.CONTINUE) {
        throw new IllegalStateException(describe(count - 1) + " is the last stencil, but it"
            + " continues to the next one (code hole " + last.hole(h) + "); end the function"
            + " with a stencil that returns or jumps");
      }
    }
  }

  private void checkNotFinished() {
    if (finished) {
      throw new IllegalStateException("this assembler is finished; reset() it or use a new one");
    }
  }

  /** Replaces each label parameter's value by the code offset its label is bound to. */
  private void resolveLabels() {
    for (int i = 0; i < count; i++) {
      for (int index = 0; index < appended[i].parameterCount; index++) {
        int slot = parametersAt[i] + index;
        Label label = parameterLabels[slot];
        if (label != null) {
          Integer offset = labels.get(label);
          if (offset == null) {
            throw new IllegalStateException("label " + label + " is never bound; parameter "
                + appended[i].stencil.parameters().get(index) + " of " + describe(i)
                + " jumps to it");
          }
          parameterValues[slot] = offset;
        }
      }
    }
  }

  /** Finds the external symbols of the stencils used that have none found yet. */
  private void resolveSymbols() {
    Map<String, Long> found = null;
    for (int u = 0; u < usedCount; u++) {
      PreparedStencil stencil = used[u];
      if (symbolAddresses[stencil.index] != null) {
        continue;
      }
      long[] addresses = new long[stencil.symbols.size()];
      for (int i = 0; i < addresses.length; i++) {
        if (found == null) {
          found = new HashMap<>();
        }
        String name = stencil.symbols.get(i);
        Long address = found.get(name);
        if (address == null) {
          Optional<MemorySegment> symbol = symbols.find(name);
          if (symbol.isEmpty()) {
            throw new IllegalStateException("cannot find the external symbol " + name
                + ", which stencil " + stencil.stencil.name() + " uses; give its address in the"
                + " SymbolLookup of the JitAssembler (e.g. Symbols.of(Map.of(\"" + name
                + "\", upcallStub)))");
          }
          address = symbol.get().address();
          found.put(name, address);
        }
        addresses[i] = address;
      }
      symbolAddresses[stencil.index] = addresses;
    }
  }

  /**
   * Patches every hole in the staging buffers, for code that will run at {@code codeBase} and
   * data at {@code dataBase}, so that executable memory is written once and never patched.
   */
  private void patch(long codeBase, long dataBase) {
    MemorySegment codeBytes = MemorySegment.ofArray(code);
    MemorySegment dataBytes = MemorySegment.ofArray(data);
    for (int i = 0; i < count; i++) {
      PreparedStencil stencil = appended[i];
      long stencilCode = codeBase + codeAt[i];
      long stencilData = dataBase + dataAt[i];
      for (int h = 0; h < stencil.holeCount; h++) {
        long base = switch (stencil.values[h]) {
          case CODE -> stencilCode;
          case DATA -> stencilData;
          case CONTINUE -> stencilCode + stencil.codeSize;
          case PARAMETER -> {
            int slot = parametersAt[i] + stencil.references[h];
            yield parameterLabels[slot] == null ? parameterValues[slot]
                : codeBase + parameterValues[slot];
          }
          case SYMBOL -> symbolAddresses[stencil.index][stencil.references[h]];
        };
        boolean inData = stencil.inData(h);
        int offset = (inData ? dataAt[i] : codeAt[i]) + stencil.offsets[h];
        long address = (inData ? dataBase : codeBase) + offset;
        try {
          HolePatcher.patch(inData ? dataBytes : codeBytes, offset, address, stencil.kinds[h],
              base + stencil.addends[h]);
        } catch (HoleRangeException e) {
          throw new HoleRangeException(describe(i) + ", " + (inData ? "data" : "code") + " hole "
              + stencil.hole(h) + labelOf(i, h) + ": " + e.getMessage(), e);
        }
      }
    }
  }

  /** " (label NAME)" when hole {@code h} of stencil {@code i} is filled with a label. */
  private String labelOf(int i, int h) {
    PreparedStencil stencil = appended[i];
    if (stencil.values[h] != HoleValue.PARAMETER) {
      return "";
    }
    Label label = parameterLabels[parametersAt[i] + stencil.references[h]];
    return label == null ? "" : " (label " + label + ")";
  }

  /** "stencil NAME (#i at code offset 0x...)", naming appended stencil {@code i}. */
  private String describe(int i) {
    return String.format("stencil %s (#%d, at code offset %#x)",
        appended[i].stencil.name(), i, codeAt[i]);
  }
}
