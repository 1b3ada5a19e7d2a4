package io.stencil4j.benchmarks;

import io.stencil4j.examples.stackvm.Instruction;
import io.stencil4j.examples.stackvm.Program;
import io.stencil4j.examples.stackvm.StackVmStencils;
import io.stencil4j.model.Hole;
import io.stencil4j.model.StencilGroup;
import io.stencil4j.model.StencilLibrary;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * The floor of compile latency (issue 11): what no copy-and-patch runtime can avoid. Everything
 * that depends only on the program is done once, here: the stencils in order (the shim, then
 * each instruction's stencil, as {@code StackVmJit} appends them), their places laid out back to
 * back as the runtime lays them out, every hole's place and width, and pages for code and data,
 * mapped and faulted in. {@link #emit} then measures only copying every stencil's code and data
 * bytes to their place, one store per hole, and one {@code mprotect} of the code to read-execute;
 * {@link #copy} the same without the {@code mprotect}, the floor of a runtime that writes code
 * through a writable alias of executable memory and changes no protection per function.
 *
 * <p>The stored values are not the holes' real values (the address of the hole plus its addend
 * stands in for them), so the result is never run; computing the real values, labels and symbol
 * lookups included, is the runtime's work above the floor.
 */
final class CopyFloor implements AutoCloseable {
  private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED;
  private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;

  private final byte[][] codes;
  private final byte[][] datas;
  private final int[] codeAt;
  private final int[] dataAt;
  /** Holes in the code: where, how wide (4 or 8 bytes), what is stored. */
  private final long[] codeHoleAt;
  private final boolean[] codeHoleWide;
  private final long[] codeHoleValue;
  private final long[] dataHoleAt;
  private final boolean[] dataHoleWide;
  private final long[] dataHoleValue;
  private final Pages code;
  private final Pages data;
  private final MemorySegment codeBytes;
  private final MemorySegment dataBytes;

  CopyFloor(Program program) {
    List<StencilGroup> stencils = stencils(program);
    int count = stencils.size();
    codes = new byte[count][];
    datas = new byte[count][];
    codeAt = new int[count];
    dataAt = new int[count];
    int codeSize = 0;
    int dataSize = 0;
    for (int i = 0; i < count; i++) {
      codes[i] = stencils.get(i).code();
      datas[i] = stencils.get(i).data();
      codeAt[i] = codeSize;
      dataAt[i] = dataSize;
      codeSize += codes[i].length;
      dataSize += dataSpan(datas[i].length);
    }
    code = new Pages(codeSize);
    data = new Pages(dataSize);
    codeBytes = code.segment().asSlice(0, codeSize);
    dataBytes = data.segment().asSlice(0, dataSize);
    List<long[]> codeHoles = new ArrayList<>();
    List<long[]> dataHoles = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      places(stencils.get(i).codeHoles(), codeBytes.address(), codeAt[i], codeHoles);
      places(stencils.get(i).dataHoles(), dataBytes.address(), dataAt[i], dataHoles);
    }
    codeHoleAt = column(codeHoles, 0);
    codeHoleWide = wide(codeHoles);
    codeHoleValue = column(codeHoles, 2);
    dataHoleAt = column(dataHoles, 0);
    dataHoleWide = wide(dataHoles);
    dataHoleValue = column(dataHoles, 2);
  }

  /** The stencils {@code StackVmJit} appends for {@code program}: each case is named after its op. */
  static List<StencilGroup> stencils(Program program) {
    StencilLibrary library = StackVmStencils.forHost();
    List<StencilGroup> stencils = new ArrayList<>(program.code().size() + 1);
    stencils.add(library.stencil("SHIM"));
    for (Instruction instruction : program.code()) {
      stencils.add(library.stencil(instruction.op().name()));
    }
    return stencils;
  }

  /**
   * The measured work: {@link #copy}, then one {@code mprotect} of the code to read-execute;
   * {@link #makeWritable} undoes it before the next.
   */
  MemorySegment emit() {
    MemorySegment code = copy();
    this.code.makeExecutable();
    return code;
  }

  /**
   * The room {@code size} bytes of a stencil's data take, as the runtime lays them out: the next
   * stencil's data starts 16-byte aligned.
   */
  static int dataSpan(int size) {
    return (size + 15) & -16;
  }

  /** Every stencil's bytes copied to their place, one store per hole; returns the code. */
  MemorySegment copy() {
    for (int i = 0; i < codes.length; i++) {
      MemorySegment.copy(codes[i], 0, codeBytes, ValueLayout.JAVA_BYTE, codeAt[i],
          codes[i].length);
      MemorySegment.copy(datas[i], 0, dataBytes, ValueLayout.JAVA_BYTE, dataAt[i],
          datas[i].length);
    }
    store(codeBytes, codeHoleAt, codeHoleWide, codeHoleValue);
    store(dataBytes, dataHoleAt, dataHoleWide, dataHoleValue);
    return codeBytes;
  }

  void makeWritable() {
    code.makeWritable();
  }

  /** The data as {@link #emit} left it. */
  MemorySegment data() {
    return dataBytes;
  }

  @Override
  public void close() {
    code.close();
    data.close();
  }

  private static void store(MemorySegment bytes, long[] at, boolean[] wide, long[] values) {
    for (int i = 0; i < at.length; i++) {
      if (wide[i]) {
        bytes.set(LONG, at[i], values[i]);
      } else {
        bytes.set(INT, at[i], (int) values[i]);
      }
    }
  }

  /**
   * {offset, width, value} of each of {@code holes} of a stencil placed at {@code offset} in
   * memory at {@code base}.
   */
  private static void places(List<Hole> holes, long base, int offset, List<long[]> places) {
    for (Hole hole : holes) {
      int width = hole.kind().width();
      if (width != 4 && width != 8) {
        throw new IllegalArgumentException("a hole of " + width + " bytes: " + hole);
      }
      long at = offset + hole.offset();
      places.add(new long[] {at, width, base + at + hole.addend()});
    }
  }

  private static long[] column(List<long[]> rows, int column) {
    return rows.stream().mapToLong(row -> row[column]).toArray();
  }

  private static boolean[] wide(List<long[]> rows) {
    boolean[] wide = new boolean[rows.size()];
    for (int i = 0; i < wide.length; i++) {
      wide[i] = rows.get(i)[1] == 8;
    }
    return wide;
  }
}
