package io.stencil4j.runtime;

import io.stencil4j.Label;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Functions packed into shared regions of {@link DualMapping}s: a region holds the code and data
 * of many functions, each function's blocks are freed when its arena closes, and freed space is
 * reused (see {@link BlockAllocator}). A region whose functions are all freed is unmapped, but
 * for the last one, which is kept for the next functions.
 *
 * <p><b>W^X:</b> the executable view is never writable, the writable alias never executable; a
 * new function is written through the alias into free space that no thread runs, while the
 * other functions of the region keep running. No protection change at all after a region is
 * mapped. Free space is only what an arena's close gave back, and FFM does not close an arena
 * while a call through one of its segments is in progress, so no freed code is running.
 *
 * <p><b>Distances:</b> a region spans at most {@link #MAX_SPAN} (1 GiB) from its first code byte
 * to its last data byte, so a function's code reaches its data with x86-64 RIP-relative
 * displacements (REL_32, +-2 GiB) and AArch64 ADRP (PAGE21, +-4 GiB). AArch64 B/BL (+-128 MiB)
 * and B.cond (+-1 MiB) link code to code of the same function (the next stencil, labels), which
 * is contiguous. The hole patcher checks every displacement anyway.
 *
 * <p>Thread-safe: placing and freeing lock the heap; writing a placed function does not.
 */
final class CodeHeap {
  static final long MAX_SPAN = 1L << 30;
  /** Code and data bytes of an ordinary region; a larger function gets a region of its own. */
  private static final long REGION_BYTES = 32L << 20;

  private static CodeHeap shared;

  private final ExecutableMemory memory;
  private final long regionBytes;
  private final List<Region> regions = new ArrayList<>();

  CodeHeap(ExecutableMemory memory, long regionBytes) {
    this.memory = memory;
    this.regionBytes = regionBytes;
  }

  /** The heap of every assembler's functions. */
  static synchronized CodeHeap shared() {
    if (shared == null) {
      shared = new CodeHeap(ExecutableMemory.forHost(), REGION_BYTES);
    }
    return shared;
  }

  /**
   * Space for {@code codeSize} bytes of code and {@code dataSize} of data in one region.
   *
   * @throws IllegalArgumentException if they cannot lie within {@link #MAX_SPAN} of each other
   * @throws OutOfMemoryError if the system maps no more memory
   */
  synchronized FunctionSpace reserve(long codeSize, long dataSize) {
    for (Region region : regions) {
      Space space = region.reserve(codeSize, dataSize);
      if (space != null) {
        return space;
      }
    }
    long pageSize = memory.pageSize();
    // room for the blocks as allocated: rounded up to their size class
    long codeBytes = Math.max(regionBytes, roundUp(BlockAllocator.bytesOf(codeSize), pageSize));
    long dataBytes = Math.max(regionBytes, roundUp(BlockAllocator.bytesOf(dataSize), pageSize));
    if (2 * codeBytes + dataBytes > MAX_SPAN) {
      throw new IllegalArgumentException(String.format("a function of %d bytes of code and %d"
          + " bytes of data is too large: its code must reach its data within 1 GiB",
          codeSize, dataSize));
    }
    Region region = new Region(memory.mapTwice(codeBytes, dataBytes));
    regions.add(region);
    return region.reserve(codeSize, dataSize);
  }

  /** The regions mapped now. */
  synchronized int regionCount() {
    return regions.size();
  }

  private synchronized void free(Space space) {
    Region region = space.region;
    region.code.free(space.codeOffset, space.codeSize);
    region.data.free(space.dataOffset, space.dataSize);
    if (region.code.isEmpty() && region.data.isEmpty()) {
      if (regions.size() > 1) {
        regions.remove(region);
        memory.unmapTwice(region.mapping);
      } else {
        region.code.reset();
        region.data.reset();
      }
    }
  }

  private static long roundUp(long size, long pageSize) {
    return Math.max(pageSize, (size + pageSize - 1) / pageSize * pageSize);
  }

  private final class Region {
    final DualMapping mapping;
    final BlockAllocator code;
    final BlockAllocator data;

    Region(DualMapping mapping) {
      this.mapping = mapping;
      this.code = new BlockAllocator(mapping.codeBytes());
      this.data = new BlockAllocator(mapping.dataBytes());
    }

    /** Space here, or null if this region has none left of that size. */
    Space reserve(long codeSize, long dataSize) {
      long codeOffset = code.allocate(codeSize);
      if (codeOffset < 0) {
        return null;
      }
      long dataOffset = data.allocate(dataSize);
      if (dataOffset < 0) {
        code.free(codeOffset, codeSize);
        return null;
      }
      return new Space(this, codeOffset, codeSize, dataOffset, dataSize);
    }
  }

  /**
   * A function's blocks in a region, given back when its arena closes: it is the arena's cleanup
   * action itself, rather than a lambda, which would spin a class in a fresh JVM.
   */
  private final class Space extends FunctionSpace implements Consumer<MemorySegment> {
    final Region region;
    final long codeOffset;
    final long codeSize;
    final long dataOffset;
    final long dataSize;

    Space(Region region, long codeOffset, long codeSize, long dataOffset, long dataSize) {
      this.region = region;
      this.codeOffset = codeOffset;
      this.codeSize = codeSize;
      this.dataOffset = dataOffset;
      this.dataSize = dataSize;
    }

    @Override
    long codeAddress() {
      return region.mapping.executable() + codeOffset;
    }

    @Override
    long dataAddress() {
      return region.mapping.data() + dataOffset;
    }

    @Override
    MemorySegment writableCode() {
      return MemorySegment.ofAddress(region.mapping.writableCode() + codeOffset)
          .reinterpret(codeSize);
    }

    @Override
    MemorySegment data() {
      return MemorySegment.ofAddress(dataAddress()).reinterpret(dataSize);
    }

    @Override
    JitFunction publish(Arena arena, Map<Label, Integer> labels, int[] shims) {
      MemorySegment executable = MemorySegment.ofAddress(codeAddress());
      memory.flush(executable.reinterpret(codeSize));
      MemorySegment code;
      try {
        code = executable.reinterpret(codeSize, arena, this);
      } catch (RuntimeException e) {
        // a closed arena, or a confined one of another thread
        discard();
        throw e;
      }
      return new JitFunction(code, data().reinterpret(arena, null),
          writableCode().reinterpret(arena, null), memory, labels, shims);
    }

    @Override
    void discard() {
      free(this);
    }

    @Override
    public void accept(MemorySegment unused) {
      free(this);
    }
  }
}
