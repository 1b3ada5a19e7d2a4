package io.stencil4j.runtime;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;

/**
 * Makes freshly written code visible to instruction fetch. AArch64 fetches through an instruction
 * cache that stores do not update; x86 keeps it coherent by itself and needs none (see {@link
 * PosixMemory}).
 */
@FunctionalInterface
interface InstructionCache {
  /** Flushes the instruction cache for {@code code}. */
  void flush(MemorySegment code);

  /** Linux: libgcc's {@code __clear_cache(start, end)}, which glibc does not export. */
  static InstructionCache libgcc() {
    WordFunction clearCache = new WordFunction(
        SymbolLookup.libraryLookup("libgcc_s.so.1", Arena.global()), "libgcc_s.so.1",
        "__clear_cache");
    return code -> clearCache.call(code.address(), code.address() + code.byteSize(), 0, 0, 0, 0);
  }

  /** macOS: libSystem's {@code sys_icache_invalidate(start, length)}. */
  static InstructionCache darwin() {
    WordFunction invalidate = new WordFunction(Native.LINKER.defaultLookup(), "libSystem",
        "sys_icache_invalidate");
    return code -> invalidate.call(code.address(), code.byteSize(), 0, 0, 0, 0);
  }
}
