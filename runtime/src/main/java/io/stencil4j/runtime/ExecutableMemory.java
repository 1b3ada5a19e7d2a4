package io.stencil4j.runtime;

import io.stencil4j.model.Triple;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Optional;

/**
 * Pages from the operating system for JIT code, strictly W^X: they are mapped readable and
 * writable, and code pages become readable and executable once written, never both writable and
 * executable. Pages that stay writable are never executable.
 */
abstract sealed class ExecutableMemory permits PosixMemory, WindowsMemory {
  private static ExecutableMemory host;

  /**
   * The executable memory of this machine, created on first use. Not in a class initialiser, so a
   * failure (a missing system library) is reported to each caller rather than once.
   */
  static synchronized ExecutableMemory forHost() {
    if (host == null) {
      // no lambda, enum switch or interface that x86 does not need on the way to a fresh JVM's
      // first function: each costs a class loaded or spun (0.4-0.8 ms each there)
      Optional<Triple> found = Triple.host();
      if (found.isEmpty()) {
        throw new UnsupportedOperationException("Stencil4j knows no triple for os.name="
            + System.getProperty("os.name") + ", os.arch=" + System.getProperty("os.arch"));
      }
      Triple triple = found.get();
      if (triple == Triple.X86_64_UNKNOWN_LINUX_GNU) {
        host = PosixMemory.linux(null);
      } else if (triple == Triple.AARCH64_UNKNOWN_LINUX_GNU) {
        host = PosixMemory.linux(InstructionCache.libgcc());
      } else if (triple == Triple.X86_64_APPLE_DARWIN) {
        host = PosixMemory.darwin(null);
      } else if (triple == Triple.AARCH64_APPLE_DARWIN) {
        host = PosixMemory.darwin(InstructionCache.darwin());
      } else {
        // the rest of Triple: x86-64, AArch64 and i686 Windows
        host = WindowsMemory.create();
      }
    }
    return host;
  }

  /** The granularity of protection changes. */
  abstract long pageSize();

  /**
   * {@code size} bytes (a positive multiple of {@link #pageSize()}) of readable and writable
   * pages, released when {@code arena} closes.
   *
   * @throws OutOfMemoryError if the system maps no more pages, with its error code
   */
  abstract MemorySegment allocate(long size, Arena arena);

  /**
   * Flushes the instruction cache for {@code pages} (a page-aligned part of what {@link
   * #allocate} returned) and makes them readable and executable, no longer writable.
   *
   * @throws IllegalStateException if the system refuses, with its error code
   */
  abstract void makeExecutable(MemorySegment pages);

  /** Makes code written through a writable alias of {@code code} visible to instruction fetch. */
  abstract void flush(MemorySegment code);

  /** Whether {@link #mapTwice} works on this system. */
  boolean mapsTwice() {
    return false;
  }

  /**
   * Shared memory mapped twice in one span: {@code codeBytes} executable and never writable, the
   * same bytes again writable and never executable, then {@code dataBytes} writable. Both sizes
   * are multiples of {@link #pageSize()}.
   *
   * @throws OutOfMemoryError if the system maps no more memory
   * @throws UnsupportedOperationException unless {@link #mapsTwice()}
   */
  DualMapping mapTwice(long codeBytes, long dataBytes) {
    throw new UnsupportedOperationException("dual mappings are implemented on Linux only");
  }

  /** Unmaps what {@link #mapTwice} mapped; no thread may run its code any more. */
  void unmapTwice(DualMapping mapping) {
    throw new UnsupportedOperationException("dual mappings are implemented on Linux only");
  }
}
