package io.stencil4j.runtime;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;

/**
 * Makes freshly written code visible to instruction fetch. AArch64 fetches through an instruction
 * cache that stores do not update; x86 keeps it coherent by itself.
 */
@FunctionalInterface
interface InstructionCache {
  /** Flushes the instruction cache for {@code code}. */
  void flush(MemorySegment code);

  /** x86: nothing to do. */
  static InstructionCache coherent() {
    return code -> {};
  }

  /** Linux: libgcc's {@code __clear_cache(start, end)}, which glibc does not export. */
  static InstructionCache libgcc() {
    MethodHandle clearCache = Native.function(
        SymbolLookup.libraryLookup("libgcc_s.so.1", Arena.global()), "libgcc_s.so.1",
        "__clear_cache", FunctionDescriptor.ofVoid(ADDRESS, ADDRESS));
    return code -> {
      try {
        clearCache.invokeExact(code, MemorySegment.ofAddress(code.address() + code.byteSize()));
      } catch (Throwable t) {
        throw Native.unexpected("__clear_cache", t);
      }
    };
  }

  /** macOS: libSystem's {@code sys_icache_invalidate(start, length)}. */
  static InstructionCache darwin() {
    MethodHandle invalidate = Native.function(Native.LINKER.defaultLookup(), "libSystem",
        "sys_icache_invalidate", FunctionDescriptor.ofVoid(ADDRESS, JAVA_LONG));
    return code -> {
      try {
        invalidate.invokeExact(code, code.byteSize());
      } catch (Throwable t) {
        throw Native.unexpected("sys_icache_invalidate", t);
      }
    };
  }
}
