package io.stencil4j.runtime;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/** Executable memory on Linux and macOS: {@code mmap} and {@code mprotect}. */
final class PosixMemory extends ExecutableMemory {
  private static final int PROT_READ = 0x1;
  private static final int PROT_WRITE = 0x2;
  private static final int PROT_EXEC = 0x4;
  private static final int MAP_PRIVATE = 0x2;
  private static final int LINUX_MAP_ANONYMOUS = 0x20;
  private static final int DARWIN_MAP_ANON = 0x1000;
  private static final long MAP_FAILED = -1;

  private final int mapFlags;
  private final InstructionCache instructionCache;
  private final MethodHandle mmap;
  private final MethodHandle mprotect;
  private final MethodHandle munmap;
  private final VarHandle errno = Native.capturedError("errno");
  private final long pageSize;

  private PosixMemory(int mapAnonymous, InstructionCache instructionCache) {
    this.mapFlags = MAP_PRIVATE | mapAnonymous;
    this.instructionCache = instructionCache;
    SymbolLookup libc = Native.LINKER.defaultLookup();
    Linker.Option errnoOption = Linker.Option.captureCallState("errno");
    this.mmap = Native.function(libc, "libc", "mmap", FunctionDescriptor.of(
        ADDRESS, ADDRESS, JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG), errnoOption);
    this.mprotect = Native.function(libc, "libc", "mprotect",
        FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT), errnoOption);
    this.munmap = Native.function(libc, "libc", "munmap",
        FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG));
    MethodHandle getpagesize = Native.function(libc, "libc", "getpagesize",
        FunctionDescriptor.of(JAVA_INT));
    try {
      this.pageSize = (int) getpagesize.invokeExact();
    } catch (Throwable t) {
      throw Native.unexpected("getpagesize", t);
    }
  }

  static PosixMemory linux(InstructionCache instructionCache) {
    return new PosixMemory(LINUX_MAP_ANONYMOUS, instructionCache);
  }

  /**
   * macOS. Without {@code MAP_JIT}: the JDK's launcher is signed with {@code
   * allow-unsigned-executable-memory}, so RW to RX with mprotect is allowed, whereas MAP_JIT's
   * per-thread write toggle would fight HotSpot's own toggling of the same thread.
   */
  static PosixMemory darwin(InstructionCache instructionCache) {
    return new PosixMemory(DARWIN_MAP_ANON, instructionCache);
  }

  @Override
  long pageSize() {
    return pageSize;
  }

  @Override
  MemorySegment allocate(long size, Arena arena) {
    MemorySegment pages;
    int error;
    try (Arena call = Arena.ofConfined()) {
      MemorySegment state = call.allocate(Native.CALL_STATE);
      pages = (MemorySegment) mmap.invokeExact(state, MemorySegment.NULL, size,
          PROT_READ | PROT_WRITE, mapFlags, -1, 0L);
      error = (int) errno.get(state, 0L);
    } catch (Throwable t) {
      throw Native.unexpected("mmap", t);
    }
    if (pages.address() == MAP_FAILED) {
      throw new OutOfMemoryError(
          "cannot map " + size + " bytes for JIT code: mmap failed, " + describe(error));
    }
    try {
      return pages.reinterpret(size, arena, segment -> unmap(segment, size));
    } catch (RuntimeException e) {
      unmap(pages, size);
      throw e;
    }
  }

  @Override
  void makeExecutable(MemorySegment pages) {
    instructionCache.flush(pages);
    int result;
    int error;
    try (Arena call = Arena.ofConfined()) {
      MemorySegment state = call.allocate(Native.CALL_STATE);
      result = (int) mprotect.invokeExact(state, pages, pages.byteSize(), PROT_READ | PROT_EXEC);
      error = (int) errno.get(state, 0L);
    } catch (Throwable t) {
      throw Native.unexpected("mprotect", t);
    }
    if (result != 0) {
      throw new IllegalStateException(String.format(
          "cannot make %d bytes of JIT code at %#x executable: mprotect failed, %s",
          pages.byteSize(), pages.address(), describe(error)));
    }
  }

  private void unmap(MemorySegment pages, long size) {
    try {
      // munmap fails only for bad arguments, and these are the ones mmap returned
      int unused = (int) munmap.invokeExact(pages, size);
    } catch (Throwable t) {
      throw Native.unexpected("munmap", t);
    }
  }

  /** "errno N (message)"; strerror is linked only then, since each downcall stub costs ms. */
  private static String describe(int error) {
    MethodHandle strerror = Native.function(Native.LINKER.defaultLookup(), "libc", "strerror",
        FunctionDescriptor.of(ADDRESS, JAVA_INT));
    try {
      MemorySegment message = (MemorySegment) strerror.invokeExact(error);
      return "errno " + error + " (" + message.reinterpret(Long.MAX_VALUE).getString(0) + ")";
    } catch (Throwable t) {
      throw Native.unexpected("strerror", t);
    }
  }
}
