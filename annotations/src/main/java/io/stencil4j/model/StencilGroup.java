package io.stencil4j.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * One stencil: machine code, the data it references, and the holes to patch in both. Emitting it
 * means copying the code and data to their run-time addresses and patching every hole.
 */
public final class StencilGroup {
  private final String name;
  private final byte[] code;
  private final byte[] data;
  private final List<Hole> codeHoles;
  private final List<Hole> dataHoles;
  private final List<String> parameters;
  private final List<String> symbols;
  private final boolean fallsThrough;
  private final Map<String, Integer> functions;

  /**
   * A stencil whose code does not fall off its end.
   *
   * @param name the case's name, e.g. {@code PUSH_CONST}
   * @param code the machine code, holes unpatched (copied)
   * @param data the data the code references, holes unpatched (copied)
   * @param codeHoles the holes in {@code code}; they must not overlap
   * @param dataHoles the holes in {@code data}; they must not overlap
   */
  public StencilGroup(String name, byte[] code, byte[] data, List<Hole> codeHoles,
      List<Hole> dataHoles) {
    this(name, code, data, codeHoles, dataHoles, false);
  }

  /**
   * A stencil that may fall off its end into the next one.
   *
   * @param name the case's name, e.g. {@code PUSH_CONST}
   * @param code the machine code, holes unpatched (copied)
   * @param data the data the code references, holes unpatched (copied)
   * @param codeHoles the holes in {@code code}; they must not overlap
   * @param dataHoles the holes in {@code data}; they must not overlap
   * @param fallsThrough whether the code may run off its end into whatever follows it: the jump
   *     to {@code _JIT_CONTINUE} that ended it was removed
   */
  public StencilGroup(String name, byte[] code, byte[] data, List<Hole> codeHoles,
      List<Hole> dataHoles, boolean fallsThrough) {
    this(name, code, data, codeHoles, dataHoles, fallsThrough, Map.of());
  }

  /**
   * A stencil that defines functions for other stencils to call: the native helpers, stencil
   * {@code HELPERS}, which is placed once and never falls through.
   *
   * @param name the stencil's name
   * @param code the machine code, holes unpatched (copied)
   * @param data the data the code references, holes unpatched (copied)
   * @param codeHoles the holes in {@code code}; they must not overlap
   * @param dataHoles the holes in {@code data}; they must not overlap
   * @param functions the code offset of each function it defines, by name (copied, in order)
   * @throws IllegalArgumentException if a function's offset is outside the code
   */
  public StencilGroup(String name, byte[] code, byte[] data, List<Hole> codeHoles,
      List<Hole> dataHoles, Map<String, Integer> functions) {
    this(name, code, data, codeHoles, dataHoles, false, functions);
  }

  private StencilGroup(String name, byte[] code, byte[] data, List<Hole> codeHoles,
      List<Hole> dataHoles, boolean fallsThrough, Map<String, Integer> functions) {
    this.name = Objects.requireNonNull(name, "name");
    this.fallsThrough = fallsThrough;
    this.functions = Collections.unmodifiableMap(new LinkedHashMap<>(functions));
    for (Map.Entry<String, Integer> function : this.functions.entrySet()) {
      if (function.getValue() < 0 || function.getValue() >= code.length) {
        throw new IllegalArgumentException(name + ": function " + function.getKey()
            + " at code offset " + function.getValue() + " is outside its " + code.length
            + " bytes of code");
      }
    }
    this.code = code.clone();
    this.data = data.clone();
    this.codeHoles = sorted(codeHoles, code.length, "code");
    this.dataHoles = sorted(dataHoles, data.length, "data");
    TreeSet<String> parameterNames = new TreeSet<>();
    TreeSet<String> symbolNames = new TreeSet<>();
    for (List<Hole> holes : List.of(this.codeHoles, this.dataHoles)) {
      for (Hole hole : holes) {
        if (hole.value() == HoleValue.PARAMETER) {
          parameterNames.add(hole.name());
        } else if (hole.value() == HoleValue.SYMBOL) {
          symbolNames.add(hole.name());
        }
      }
    }
    this.parameters = List.copyOf(parameterNames);
    this.symbols = List.copyOf(symbolNames);
  }

  private List<Hole> sorted(List<Hole> holes, int size, String part) {
    List<Hole> copy = new ArrayList<>(holes);
    if (!sortedByOffset(copy)) {
      // decoded holes come sorted: the comparator, a lambda, would spin a class in a fresh JVM
      copy.sort((a, b) -> Integer.compare(a.offset(), b.offset()));
    }
    int end = 0;
    for (Hole hole : copy) {
      // offset > size - width, as offset + width overflows for an offset near 2^31
      if (hole.offset() < end || hole.offset() > size - hole.kind().width()) {
        throw new IllegalArgumentException(
            name + ": " + part + " hole " + hole + " overlaps another or ends past " + size);
      }
      end = hole.offset() + hole.kind().width();
    }
    return Collections.unmodifiableList(copy);
  }

  private static boolean sortedByOffset(List<Hole> holes) {
    for (int i = 1; i < holes.size(); i++) {
      if (holes.get(i - 1).offset() > holes.get(i).offset()) {
        return false;
      }
    }
    return true;
  }

  /** {@return the stencil's name, e.g. {@code PUSH_CONST}} */
  public String name() {
    return name;
  }

  /** {@return a copy of the machine code, holes unpatched} */
  public byte[] code() {
    return code.clone();
  }

  /** {@return the machine code's length in bytes, without the copy {@link #code()} makes} */
  public int codeSize() {
    return code.length;
  }

  /**
   * {@return a copy of the data (constants, GOT slots), holes unpatched} Its size is a multiple of
   * 16 and it must be placed at a 16-byte aligned address (SSE constants are read with aligned
   * loads).
   */
  public byte[] data() {
    return data.clone();
  }

  /** {@return the data's length in bytes, without the copy {@link #data()} makes} */
  public int dataSize() {
    return data.length;
  }

  /** {@return the holes in the code, by offset} */
  public List<Hole> codeHoles() {
    return codeHoles;
  }

  /** {@return the holes in the data, by offset} */
  public List<Hole> dataHoles() {
    return dataHoles;
  }

  /**
   * {@return the names of the parameters the emitter fills, sorted} A parameter's index in this
   * list is the index {@link io.stencil4j.StencilSink#fill(int, long)} takes.
   */
  public List<String> parameters() {
    return parameters;
  }

  /** {@return the external symbols the stencil needs, sorted} */
  public List<String> symbols() {
    return symbols;
  }

  /**
   * {@return whether the code may run off its end, into the next stencil} The jump to {@code
   * _JIT_CONTINUE} that ended it was removed, so that stencils fall through. Such a stencil must
   * not end a function. (A stencil may also continue through a code hole of value {@link
   * HoleValue#CONTINUE}.)
   */
  public boolean fallsThrough() {
    return fallsThrough;
  }

  /**
   * {@return the code offset of each function the stencil defines for others to call, by name,
   * in the order they were laid out} Empty but for the native helpers (stencil {@code HELPERS}).
   */
  public Map<String, Integer> functions() {
    return functions;
  }

  /**
   * Copies the unpatched code into {@code target} at {@code offset}, without allocating.
   *
   * @param target where the code goes
   * @param offset where in {@code target} it starts
   */
  public void copyCode(byte[] target, int offset) {
    System.arraycopy(code, 0, target, offset, code.length);
  }

  /**
   * Copies the unpatched data into {@code target} at {@code offset}, without allocating.
   *
   * @param target where the data goes
   * @param offset where in {@code target} it starts
   */
  public void copyData(byte[] target, int offset) {
    System.arraycopy(data, 0, target, offset, data.length);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StencilGroup other
        && name.equals(other.name)
        && Arrays.equals(code, other.code)
        && Arrays.equals(data, other.data)
        && codeHoles.equals(other.codeHoles)
        && dataHoles.equals(other.dataHoles)
        && fallsThrough == other.fallsThrough
        && functions.equals(other.functions);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, Arrays.hashCode(code), Arrays.hashCode(data), codeHoles, dataHoles,
        fallsThrough, functions);
  }

  @Override
  public String toString() {
    return name + "[code " + code.length + " B, data " + data.length + " B, holes "
        + codeHoles + " / " + dataHoles + (fallsThrough ? ", falls through" : "")
        + (functions.isEmpty() ? "" : ", functions " + functions) + "]";
  }
}
