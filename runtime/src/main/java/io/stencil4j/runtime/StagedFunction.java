package io.stencil4j.runtime;

import io.stencil4j.Label;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * One function's stencils staged until finish: their code and data copied back to back, which
 * library stencil each is and the values its parameters are filled with; at finish ({@link
 * #layOut}) where each went, and its immediate holes patched. Appending copies and records a
 * number, so that the emitters' loop stays small; the rest is done in tight loops at finish. Per
 * appended stencil and per parameter the fields are parallel arrays, so that staging allocates
 * nothing once they have grown; {@link #clear} keeps them grown for the next function. Appending
 * and filling check only what they must on the way (a capacity, a counter); finding what is
 * wrong is left to the error's path.
 */
final class StagedFunction {
  private static final int INITIAL_STENCILS = 64;
  /** An {@code ABS_64} hole's bytes: every target is little-endian. */
  private static final VarHandle ABS_64 =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /** The library's stencils, by the numbers {@link #indices} holds. */
  private final PreparedStencil[] library;

  /** Per appended stencil, in order: its number in the library. */
  int[] indices = new int[INITIAL_STENCILS];
  int count;
  /** The code and data of the stencils appended so far, back to back, holes unpatched. */
  byte[] code = new byte[INITIAL_STENCILS * 32];
  int codeSize;
  byte[] data = new byte[INITIAL_STENCILS * 16];
  int dataSize;

  // Per parameter of the appended stencils; resolving labels replaces a label's value by its
  // address.
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
  /** The stencil staged last's parameter count, 0 before any. */
  private int lastParameters;

  // Per appended stencil once laid out: where its code, data and parameters start.
  int[] codeAt = new int[0];
  int[] dataAt = new int[0];
  int[] parametersAt = new int[0];
  /** How many stencils are laid out: all of them after {@link #layOut}, else 0. */
  private int laidOut;
  /** The laid out stencils that have holes left ({@link PreparedStencil#deferredHoles}). */
  int[] withHoles = new int[0];
  int withHolesCount;

  /**
   * {@link #addQuick} may stage stencils while {@link #count} is below this: as many of the
   * library's largest stencils as fit in the arrays grown so far. 0 while nothing is staged, so
   * that the first stencil takes the checked way, and once {@link #close}d.
   */
  int quickUntil;
  /** The most any one stencil of the library takes of the code, data and parameters, >= 1. */
  private final int largestCode;
  private final int largestDataSpan;
  private final int mostParameters;

  /** The library's index of its shim, or -1; where each staged shim starts, kept as they come. */
  private final int shimIndex;
  private int[] shimsAt = new int[4];
  private int shimCount;

  StagedFunction(PreparedLibrary library) {
    this.library = library.all();
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
    laidOut = 0;
    codeSize = 0;
    dataSize = 0;
    parameterCount = 0;
    labelSlotCount = 0;
    unfilled = 0;
    lastParameters = 0;
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
      int room = Math.min(indices.length - count, (code.length - codeSize) / largestCode);
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
    System.arraycopy(stencil.code, 0, code, codeSize, stencil.codeSize);
    if (stencil.dataSpan != 0) {
      // with its padding: the buffer is reused, and must not carry an earlier function's bytes
      System.arraycopy(stencil.data, 0, data, dataSize, stencil.dataSpan);
    }
    int at = count;
    indices[at] = stencil.index;
    count = at + 1;
    codeSize += stencil.codeSize;
    dataSize += stencil.dataSpan;
    lastParameters = stencil.parameterCount;
    unfilled = lastParameters;
    parameterCount += lastParameters;
  }

  /** Ends quick staging until {@link #clear}: the function is finished, or failed to be. */
  void close() {
    quickUntil = 0;
  }

  /** Staged stencil {@code i}. */
  PreparedStencil stencil(int i) {
    return library[indices[i]];
  }

  /** The stencil staged last; there must be one. */
  PreparedStencil last() {
    return stencil(count - 1);
  }

  /** Where the stencil staged last has its first parameter in the per-parameter arrays. */
  int lastParametersAt() {
    return parameterCount - lastParameters;
  }

  /** Whether the stencil staged last has a parameter {@code index}; false before any. */
  boolean hasParameter(int index) {
    return Integer.compareUnsigned(index, lastParameters) < 0;
  }

  /**
   * Fills parameter {@code index} of the stencil staged last, which must have it, with {@code
   * value}.
   *
   * @throws IllegalStateException if it is filled already
   */
  void fill(int index, long value) {
    parameterValues[fill(index)] = value;
  }

  /**
   * The slot of parameter {@code index} of the stencil staged last, which must have it, marked
   * filled.
   *
   * @throws IllegalStateException if it is filled already
   */
  private int fill(int index) {
    int slot = parameterCount - lastParameters + index;
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

  /**
   * Records where each stencil's code, data and parameters start and which have holes left, and
   * patches the immediate holes with their parameters' values (labels resolved), in one pass.
   */
  void layOut() {
    if (codeAt.length < count) {
      int capacity = indices.length;
      codeAt = new int[capacity];
      dataAt = new int[capacity];
      parametersAt = new int[capacity];
      withHoles = new int[capacity];
    }
    byte[] code = this.code;
    long[] values = parameterValues;
    int codeOffset = 0;
    int dataOffset = 0;
    int parameters = 0;
    int holes = 0;
    for (int i = 0; i < count; i++) {
      PreparedStencil stencil = library[indices[i]];
      codeAt[i] = codeOffset;
      dataAt[i] = dataOffset;
      parametersAt[i] = parameters;
      if (stencil.immediateOffset >= 0) {
        ABS_64.set(code, codeOffset + stencil.immediateOffset,
            values[parameters + stencil.immediateParameter] + stencil.immediateAddend);
        if (stencil.moreImmediateHoles) {
          patchImmediateHoles(stencil, codeOffset, parameters);
        }
      }
      if (stencil.deferredHoles.length != 0) {
        withHoles[holes++] = i;
      }
      codeOffset += stencil.codeSize;
      dataOffset += stencil.dataSpan;
      parameters += stencil.parameterCount;
    }
    withHolesCount = holes;
    laidOut = count;
  }

  /** Patches {@code stencil}'s immediate holes but the first, its code at {@code at}. */
  private void patchImmediateHoles(PreparedStencil stencil, int at, int parameters) {
    for (int k = 1; k < stencil.immediateHoles.length; k++) {
      int h = stencil.immediateHoles[k];
      ABS_64.set(code, at + stencil.offsets[h],
          parameterValues[parameters + stencil.references[h]] + stencil.addends[h]);
    }
  }

  /** Where staged stencil {@code i}'s code starts: as laid out, or as it will be. */
  int codeAt(int i) {
    return i < laidOut ? codeAt[i] : placeOf(i)[0];
  }

  /** Where staged stencil {@code i}'s data starts: as laid out, or as it will be. */
  int dataAt(int i) {
    return i < laidOut ? dataAt[i] : placeOf(i)[1];
  }

  /** Where staged stencil {@code i}'s parameters start in the per-parameter arrays. */
  int parametersAt(int i) {
    return i < laidOut ? parametersAt[i] : placeOf(i)[2];
  }

  /**
   * Where staged stencil {@code i}'s code, data and parameters start, added up: for error
   * messages and patch sites before the function is laid out.
   */
  private int[] placeOf(int i) {
    int[] place = new int[3];
    for (int k = 0; k < i; k++) {
      PreparedStencil stencil = stencil(k);
      place[0] += stencil.codeSize;
      place[1] += stencil.dataSpan;
      place[2] += stencil.parameterCount;
    }
    return place;
  }

  /** The code offsets of the staged shims, ascending: the function's entries. */
  int[] shimOffsets() {
    return Arrays.copyOf(shimsAt, shimCount);
  }

  /** "stencil NAME (#i, at code offset 0x...)", naming staged stencil {@code i}. */
  String describe(int i) {
    return String.format("stencil %s (#%d, at code offset %#x)", stencil(i).stencil.name(), i,
        codeAt(i));
  }

  private void addShim() {
    if (shimCount == shimsAt.length) {
      shimsAt = Arrays.copyOf(shimsAt, shimCount * 2);
    }
    shimsAt[shimCount++] = codeSize;
  }

  /** Grows the arrays to take two more stencils, and that many bytes and parameters. */
  private void grow(int codeBytes, int dataBytes, int parameters) {
    if (count + 2 > indices.length) {
      indices = Arrays.copyOf(indices, grown(indices.length, count + 2));
    }
    if (codeBytes > code.length - codeSize) {
      code = Arrays.copyOf(code, grown(code.length, Math.addExact(codeSize, codeBytes)));
    }
    if (dataBytes > data.length - dataSize) {
      data = Arrays.copyOf(data, grown(data.length, Math.addExact(dataSize, dataBytes)));
    }
    if (parameters > filled.length - parameterCount) {
      int capacity = grown(filled.length, parameterCount + parameters);
      parameterValues = Arrays.copyOf(parameterValues, capacity);
      parameterLabels = Arrays.copyOf(parameterLabels, capacity);
      filled = Arrays.copyOf(filled, capacity);
    }
  }

  private static int grown(int length, int needed) {
    return Math.max(needed, length <= Integer.MAX_VALUE / 2 ? length * 2 : Integer.MAX_VALUE);
  }
}
