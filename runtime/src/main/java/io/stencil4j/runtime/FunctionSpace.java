package io.stencil4j.runtime;

import io.stencil4j.Label;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Map;

/**
 * Room for one function's code and data, at addresses known before anything is written: the
 * assembler patches for them, copies the bytes in, then publishes or discards the space.
 */
abstract class FunctionSpace {
  /** Where the code is executed. */
  abstract long codeAddress();

  abstract long dataAddress();

  /** Where the code is written: {@link #codeAddress()} itself or a writable alias of it. */
  abstract MemorySegment writableCode();

  abstract MemorySegment data();

  /**
   * Makes the code executable and returns the function, with {@code labels}' code offsets and
   * its shims' (null: the library has no shim), which lives until {@code arena} closes.
   *
   * @throws IllegalStateException if {@code arena} is closed; the space is discarded then
   */
  abstract JitFunction publish(Arena arena, Map<Label, Integer> labels, int[] shims);

  /** Gives the space back without publishing it, as soon as possible. */
  abstract void discard();

  /**
   * Where functions go on this machine: a {@link CodeHeap} where the system maps memory twice,
   * else pages of their own per function.
   */
  static FunctionSpace reserve(long codeSize, long dataSize, Arena arena) {
    ExecutableMemory memory = ExecutableMemory.forHost();
    return memory.mapsTwice() ? CodeHeap.shared().reserve(codeSize, dataSize)
        : PrivatePages.reserve(memory, codeSize, dataSize, arena);
  }
}
