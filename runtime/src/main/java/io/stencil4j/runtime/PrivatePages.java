package io.stencil4j.runtime;

import io.stencil4j.Label;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Map;

/**
 * A function in pages of its own: [code][padding to a page][data], mapped writable, code pages
 * made executable once written. Two mappings per function; used where memory cannot be mapped
 * twice (see {@link ExecutableMemory#mapsTwice()}).
 */
final class PrivatePages extends FunctionSpace {
  private final ExecutableMemory memory;
  private final MemorySegment pages;
  private final long codeSize;
  private final long dataStart;
  private final long dataSize;

  private PrivatePages(ExecutableMemory memory, MemorySegment pages, long codeSize,
      long dataStart, long dataSize) {
    this.memory = memory;
    this.pages = pages;
    this.codeSize = codeSize;
    this.dataStart = dataStart;
    this.dataSize = dataSize;
  }

  /**
   * Pages released with {@code arena}, whatever becomes of the function. Typed as the
   * superclass, so that verifying {@link FunctionSpace#reserve} does not load this class where
   * functions go to a code heap.
   */
  static FunctionSpace reserve(ExecutableMemory memory, long codeSize, long dataSize,
      Arena arena) {
    // at least a page of code, should every stencil appended be empty
    long dataStart = roundUp(Math.max(codeSize, 1), memory.pageSize());
    MemorySegment pages = memory.allocate(dataStart + roundUp(dataSize, memory.pageSize()), arena);
    return new PrivatePages(memory, pages, codeSize, dataStart, dataSize);
  }

  @Override
  long codeAddress() {
    return pages.address();
  }

  @Override
  long dataAddress() {
    return pages.address() + dataStart;
  }

  @Override
  MemorySegment writableCode() {
    return pages.asSlice(0, codeSize);
  }

  @Override
  MemorySegment data() {
    return pages.asSlice(dataStart, dataSize);
  }

  @Override
  JitFunction publish(Arena arena, Map<Label, Integer> labels, int[] shims) {
    memory.makeExecutable(pages.asSlice(0, dataStart));
    return new JitFunction(writableCode(), data(), null, null, labels, shims);
  }

  @Override
  void discard() {
    // the pages go with the arena they were mapped in
  }

  private static long roundUp(long size, long pageSize) {
    return (size + pageSize - 1) / pageSize * pageSize;
  }
}
