package io.stencil4j.runtime;

import io.stencil4j.Label;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * One function's stencils staged until finish: their code and data copied back to back, where
 * each stencil went, and the values its parameters are filled with. Per appended stencil and per
 * parameter the fields are parallel arrays, so that staging allocates nothing once they have
 * grown; {@link #clear} keeps them grown for the next function. Appending and filling check
 * only what they must on the way (a capacity, a counter); finding what is wrong is left to the
 * error's path.
 */
final class StagedFunction {
  private static final int INITIAL_STENCILS = 64;
  /** An {@code ABS_64} hole's bytes: every target is little-endian. */
  private static final VarHandle ABS_64 =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  byte[] code = new byte[INITIAL_STENCILS * 32];
  int codeSize;
  byte[] data = new byte[INITIAL_STENCILS * 16];
  int dataSize;

  // Per appended stencil, in order.
  PreparedStencil[] stencils = new PreparedStencil[INITIAL_STENCILS];
  int[] codeAt = new int[INITIAL_STENCILS];
  int[] dataAt = new int[INITIAL_STENCILS];
  /** Where the stencil's parameters start in the per-parameter arrays. */
  int[] parametersAt = new int[INITIAL_STENCILS];
  int count;
  /** The staged stencils that have holes left for finish ({@link PreparedStencil#deferredHoles}). */
  int[] withHoles = new int[INITIAL_STENCILS];
  int withHolesCount;

  // Per parameter of the appended stencils; resolving labels replaces a label's value by its
  // code offset.
  long[] parameterValues = new long[INITIAL_STENCILS];
  Label[] parameterLabels = new Label[INITIAL_STENCILS];
  boolean[] filled = new boolean[INITIAL_STENCILS];
  int parameterCount;
  /** The slots filled with a label, in the order filled, and the staged stencil of each. */
  int[] labelSlots = new int[INITIAL_STENCILS];
  int[] labelStencils = new int[INITIAL_STENCILS];
  int labelSlotCount;
  /** How many parameters of the stencil staged last are not filled yet. */
  int unfilled;
  /** The stencil staged last's parameter count (0 before any) and its first slot. */
  private int lastParameters;
  private int lastParametersAt;
  /** The stencil staged last and its code offset, where a filled value is patched at once. */
  private PreparedStencil lastStencil;
  private int lastCodeAt;

  /**
   * {@link #addQuick} may stage stencils while {@link #count} is below this: as many of the
   * library's largest stencils as fit in the arrays grown so far. 0 while nothing is staged, so
   * that the first stencil takes the checked way, and once {@link #close}d.
   */
  int quickUntil;
  /** The most any one stencil of the library takes of the arrays, at least 1. */
  private final int largestCode;
  private final int largestDataSpan;
  private final int mostParameters;

  /** The library's index of its shim, or -1; where each staged shim starts, kept as they come. */
  private final int shimIndex;
  private int[] shimsAt = new int[4];
  private int shimCount;

  StagedFunction(PreparedLibrary library) {
    this.shimIndex = library.shimIndex;
    this.largestCode = Math.max(1, library.largestCode);
    this.largestDataSpan = Math.max(1, library.largestDataSpan);
    this.mostParameters = Math.max(1, library.mostParameters);
  }

  /** Forgets every stencil staged, keeping the arrays. */
  void clear() {
    for (int i = 0; i < labelSlotCount; i++) {
      parameterLabels[labelSlots[i]] = null;
    }
    Arrays.fill(filled, 0, parameterCount, false);
    count = 0;
    withHolesCount = 0;
    codeSize = 0;
    dataSize = 0;
    parameterCount = 0;
    labelSlotCount = 0;
    unfilled = 0;
    lastParameters = 0;
    lastParametersAt = 0;
    lastStencil = null;
    shimCount = 0;
    quickUntil = 0;
  }

  /**
   * Copies {@code stencil}'s code and data after the others', holes unpatched, growing the
   * arrays when {@link #quickUntil} is reached, and then lets {@link #addQuick} stage as many
   * stencils as surely fit.
   */
  void add(PreparedStencil stencil) {
    if (count >= quickUntil) {
      // room for this stencil and the largest after it, so that quick staging goes on
      grow(stencil.codeSize + largestCode, stencil.dataSpan + largestDataSpan,
          stencil.parameterCount + mostParameters);
      int room = Math.min(stencils.length - count, (code.length - codeSize) / largestCode);
      room = Math.min(room, (data.length - dataSize) / largestDataSpan);
      quickUntil = count + Math.min(room, (filled.length - parameterCount) / mostParameters);
    }
    if (stencil.index == shimIndex) {
      addShim();
    }
    addQuick(stencil);
  }

  /**
   * {@link #add} without the capacity checks, for a stencil that is not the shim while {@link
   * #count} is below {@link #quickUntil}: the path of nearly every stencil, kept small enough to
   * be inlined into the generated emitters.
   */
  void addQuick(PreparedStencil stencil) {
    int at = count;
    System.arraycopy(stencil.code, 0, code, codeSize, stencil.codeSize);
    if (stencil.dataSpan != 0) {
      // with its padding: the buffer is reused, and must not carry an earlier function's bytes
      System.arraycopy(stencil.data, 0, data, dataSize, stencil.dataSpan);
    }
    if (stencil.deferredHoles.length != 0) {
      withHoles[withHolesCount++] = at;
    }
    stencils[at] = stencil;
    codeAt[at] = codeSize;
    dataAt[at] = dataSize;
    parametersAt[at] = parameterCount;
    count = at + 1;
    lastStencil = stencil;
    lastCodeAt = codeSize;
    codeSize += stencil.codeSize;
    dataSize += stencil.dataSpan;
    lastParametersAt = parameterCount;
    lastParameters = stencil.parameterCount;
    unfilled = lastParameters;
    parameterCount += lastParameters;
  }

  /** Ends quick staging until {@link #clear}: the function is finished, or failed to be. */
  void close() {
    quickUntil = 0;
  }

  /** The stencil staged last; there must be one. */
  PreparedStencil last() {
    return stencils[count - 1];
  }

  /** Whether the stencil staged last has a parameter {@code index}; false before any. */
  boolean hasParameter(int index) {
    return Integer.compareUnsigned(index, lastParameters) < 0;
  }

  /**
   * Fills parameter {@code index} of the stencil staged last, which must have it, with {@code
   * value}, patching its immediate hole if it has one.
   *
   * @throws IllegalStateException if it is filled already
   */
  void fill(int index, long value) {
    parameterValues[fill(index)] = value;
    int hole = lastStencil.immediateHoles[index];
    if (hole >= 0) {
      ABS_64.set(code, lastCodeAt + lastStencil.offsets[hole], value + lastStencil.addends[hole]);
    }
  }

  /**
   * The slot of parameter {@code index} of the stencil staged last, which must have it, marked
   * filled.
   *
   * @throws IllegalStateException if it is filled already
   */
  private int fill(int index) {
    int slot = lastParametersAt + index;
    if (filled[slot]) {
      throw filledTwice(index);
    }
    filled[slot] = true;
    unfilled--;
    return slot;
  }

  private IllegalStateException filledTwice(int index) {
    return new IllegalStateException("parameter " + last().stencil.parameters().get(index)
        + " of " + describe(count - 1) + " is filled twice");
  }

  /** Fills parameter {@code index} of the stencil staged last with {@code label}. */
  void fill(int index, Label label) {
    int slot = fill(index);
    parameterLabels[slot] = label;
    if (labelSlotCount == labelSlots.length) {
      labelSlots = Arrays.copyOf(labelSlots, labelSlotCount * 2);
      labelStencils = Arrays.copyOf(labelStencils, labelSlotCount * 2);
    }
    labelSlots[labelSlotCount] = slot;
    labelStencils[labelSlotCount++] = count - 1;
  }

  /** The code offsets of the staged shims, ascending: the function's entries. */
  int[] shimOffsets() {
    return Arrays.copyOf(shimsAt, shimCount);
  }

  /** "stencil NAME (#i, at code offset 0x...)", naming staged stencil {@code i}. */
  String describe(int i) {
    return String.format("stencil %s (#%d, at code offset %#x)",
        stencils[i].stencil.name(), i, codeAt[i]);
  }

  private void addShim() {
    if (shimCount == shimsAt.length) {
      shimsAt = Arrays.copyOf(shimsAt, shimCount * 2);
    }
    shimsAt[shimCount++] = codeSize;
  }

  /** Grows the arrays to take two more stencils, and that many bytes and parameters. */
  private void grow(int codeBytes, int dataBytes, int parameters) {
    if (count + 2 > stencils.length) {
      int capacity = grown(stencils.length, count + 2);
      stencils = Arrays.copyOf(stencils, capacity);
      codeAt = Arrays.copyOf(codeAt, capacity);
      dataAt = Arrays.copyOf(dataAt, capacity);
      parametersAt = Arrays.copyOf(parametersAt, capacity);
      withHoles = Arrays.copyOf(withHoles, capacity);
    }
    if (parameters > filled.length - parameterCount) {
      int capacity = grown(filled.length, parameterCount + parameters);
      parameterValues = Arrays.copyOf(parameterValues, capacity);
      parameterLabels = Arrays.copyOf(parameterLabels, capacity);
      filled = Arrays.copyOf(filled, capacity);
    }
    if (codeBytes > code.length - codeSize) {
      code = Arrays.copyOf(code, grown(code.length, Math.addExact(codeSize, codeBytes)));
    }
    if (dataBytes > data.length - dataSize) {
      data = Arrays.copyOf(data, grown(data.length, Math.addExact(dataSize, dataBytes)));
    }
  }

  private static int grown(int length, int needed) {
    return Math.max(needed, length <= Integer.MAX_VALUE / 2 ? length * 2 : Integer.MAX_VALUE);
  }
}
