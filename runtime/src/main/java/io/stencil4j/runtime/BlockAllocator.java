package io.stencil4j.runtime;

import java.util.Arrays;

/**
 * Blocks of 16-byte units in {@code [0, capacity)}: new space is taken from the top, freed blocks
 * are kept by size class and handed out again for the same class. Sizes are rounded up to their
 * class (at most 1/8 more above 64 units), so a JIT's many functions of similar size reuse each
 * other's space; freeing everything ({@link #isEmpty()}) lets the owner {@link #reset()} it whole.
 * Not thread-safe: {@link CodeHeap} locks around it.
 */
final class BlockAllocator {
  /** Blocks start 16-byte aligned: stencil data must be, and code is fetched better so. */
  static final int UNIT = 16;
  /** Up to this many units every size is its own class. */
  private static final int EXACT_UNITS = 64;

  /**
   * The numbers of the classes ({@link #indexOf}): 1 to 64 for the exact sizes, then eight per
   * power of two from 2^6 to 2^30 units.
   */
  private static final int CLASSES = EXACT_UNITS + (31 - 6) * 8;

  private final long capacityUnits;
  /** By {@link #indexOf} a class: its free blocks; null until one is freed. */
  private final FreeBlocks[] free = new FreeBlocks[CLASSES];
  /** The classes that have had a block freed since the last reset, which empties only them. */
  private final int[] freedClasses = new int[CLASSES];
  private int freedClassCount;
  private long top;
  private long usedUnits;

  BlockAllocator(long capacity) {
    this.capacityUnits = capacity / UNIT;
  }

  /** The byte offset of a block of at least {@code size} bytes, or -1 if none is left. */
  long allocate(long size) {
    int units = classOf(size);
    FreeBlocks blocks = free[indexOf(units)];
    long offset;
    if (blocks != null && blocks.count > 0) {
      offset = blocks.pop();
    } else if (top + units <= capacityUnits) {
      offset = top;
      top += units;
    } else {
      return -1;
    }
    usedUnits += units;
    return offset * UNIT;
  }

  /** Frees the block at {@code offset} that {@link #allocate} returned for {@code size}. */
  void free(long offset, long size) {
    int units = classOf(size);
    int index = indexOf(units);
    FreeBlocks blocks = free[index];
    if (blocks == null) {
      blocks = new FreeBlocks();
      free[index] = blocks;
    }
    if (!blocks.freed) {
      blocks.freed = true;
      freedClasses[freedClassCount++] = index;
    }
    blocks.push((int) (offset / UNIT));
    usedUnits -= units;
  }

  boolean isEmpty() {
    return usedUnits == 0;
  }

  /** Forgets every block: the whole capacity is free space again. */
  void reset() {
    // a JIT whose functions come and go empties a region often: only the classes used
    for (int i = 0; i < freedClassCount; i++) {
      free[freedClasses[i]].clear();
    }
    freedClassCount = 0;
    top = 0;
    usedUnits = 0;
  }

  /** The bytes a block of {@code size} bytes takes. */
  static long bytesOf(long size) {
    return (long) classOf(size) * UNIT;
  }

  /** The units of the size class of {@code size} bytes (at least one unit). */
  static int classOf(long size) {
    int units = (int) Math.max(1, (size + UNIT - 1) / UNIT);
    if (units <= EXACT_UNITS) {
      return units;
    }
    // eight classes per power of two
    int step = Integer.highestOneBit(units) >> 3;
    return (units + step - 1) / step * step;
  }

  /**
   * The number of the class of {@code units} (a class's size): dense, so that the free blocks
   * are found by index, without boxing a key.
   */
  static int indexOf(int units) {
    if (units <= EXACT_UNITS) {
      return units;
    }
    int high = Integer.highestOneBit(units);
    int eighths = units / (high >> 3);
    return EXACT_UNITS + (Integer.numberOfTrailingZeros(high) - 6) * 8 + eighths - 8;
  }

  /** The unit offsets of the free blocks of one class, a stack. */
  private static final class FreeBlocks {
    private int[] offsets = new int[16];
    private int count;
    /** Whether it is in the allocator's freed classes. */
    boolean freed;

    void clear() {
      count = 0;
      freed = false;
    }

    void push(int offset) {
      if (count == offsets.length) {
        offsets = Arrays.copyOf(offsets, count * 2);
      }
      offsets[count++] = offset;
    }

    int pop() {
      return offsets[--count];
    }
  }
}
