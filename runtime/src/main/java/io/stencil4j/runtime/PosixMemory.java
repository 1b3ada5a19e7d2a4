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
  private static final int PROT_NONE = 0x0;
  private static final int MAP_PRIVATE = 0x2;
  private static final int LINUX_MAP_FIXED = 0x10;
  private static final int LINUX_MAP_ANONYMOUS = 0x20;
  private static final int LINUX_MAP_NORESERVE = 0x4000;
  private static final int IPC_PRIVATE = 0;
  private static final int IPC_CREAT = 0x200;
  private static final int IPC_RMID = 0;
  private static final int OWNER_READ_WRITE = 0x180;
  private static final int SHM_RDONLY = 0x1000;
  private static final int SHM_REMAP = 0x4000;
  private static final int SHM_EXEC = 0x8000;
  private static final int ENOMEM = 12;
  private static final int DARWIN_MAP_ANON = 0x1000;
  private static final long MAP_FAILED = -1;

  private final int mapFlags;
  private final boolean linux;
  private final InstructionCache instructionCache;
  private final MethodHandle mmap;
  private final MethodHandle mprotect;
  private final MethodHandle munmap;
  /** Linux only, linked on first use: System V shared memory. */
  private MethodHandle shmget;
  private MethodHandle shmat;
  private MethodHandle shmctl;
  private final VarHandle errno = Native.capturedError("errno");
  private final long pageSize;

  private PosixMemory(int mapAnonymous, boolean linux, InstructionCache instructionCache) {
    this.mapFlags = MAP_PRIVATE | mapAnonymous;
    this.linux = linux;
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
    return new PosixMemory(LINUX_MAP_ANONYMOUS, true, instructionCache);
  }

  /**
   * macOS. Without {@code MAP_JIT}: the JDK's launcher is signed with {@code
   * allow-unsigned-executable-memory}, so RW to RX with mprotect is allowed, whereas MAP_JIT's
   * per-thread write toggle would fight HotSpot's own toggling of the same thread.
   */
  static PosixMemory darwin(InstructionCache instructionCache) {
    return new PosixMemory(DARWIN_MAP_ANON, false, instructionCache);
  }

  @Override
  long pageSize() {
    return pageSize;
  }

  @Override
  MemorySegment allocate(long size, Arena arena) {
    long pages = map(0, size, PROT_READ | PROT_WRITE, mapFlags, -1);
    try {
      return MemorySegment.ofAddress(pages).reinterpret(size, arena, segment -> unmap(pages, size));
    } catch (RuntimeException e) {
      unmap(pages, size);
      throw e;
    }
  }

  @Override
  void flush(MemorySegment code) {
    instructionCache.flush(code);
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
      String message = String.format(
          "cannot make %d bytes of JIT code at %#x executable: mprotect failed, %s",
          pages.byteSize(), pages.address(), describe(error));
      // ENOMEM: the process has as many mappings as vm.max_map_count allows, or no more memory
      if (error == ENOMEM) {
        throw new OutOfMemoryError(message);
      }
      throw new IllegalStateException(message);
    }
  }

  @Override
  boolean mapsTwice() {
    return linux;
  }

  /**
   * A System V shared memory segment attached twice into one reserved span, then anonymous
   * memory for the data, so that all of it is within {@link DualMapping#span()}. System V rather
   * than a memfd: perf names code in "/SYSV" mappings from its map of JIT code (see {@link
   * PerfMap}), whereas it looks for symbols in a memfd's (deleted) file.
   */
  @Override
  DualMapping mapTwice(long codeBytes, long dataBytes) {
    if (!linux) {
      return super.mapTwice(codeBytes, dataBytes);
    }
    DualMapping mapping = new DualMapping(0, codeBytes, dataBytes);
    int segment = sharedMemory(codeBytes);
    try {
      long base = map(0, mapping.span(), PROT_NONE, mapFlags | LINUX_MAP_NORESERVE, -1);
      try {
        attach(segment, base, SHM_RDONLY | SHM_EXEC | SHM_REMAP);
        attach(segment, base + codeBytes, SHM_REMAP);
        map(base + 2 * codeBytes, dataBytes, PROT_READ | PROT_WRITE,
            mapFlags | LINUX_MAP_FIXED, -1);
      } catch (OutOfMemoryError e) {
        unmap(base, mapping.span());
        throw e;
      }
      return new DualMapping(base, codeBytes, dataBytes);
    } finally {
      // removed now, the segment lives until its attachments are unmapped, even on a crash
      removeSharedMemory(segment);
    }
  }

  @Override
  void unmapTwice(DualMapping mapping) {
    unmap(mapping.executable(), mapping.span());
  }

  /** {@code mmap}, its address; an {@link OutOfMemoryError} naming errno when it fails. */
  private long map(long address, long size, int protection, int flags, int fd) {
    MemorySegment pages;
    int error;
    try (Arena call = Arena.ofConfined()) {
      MemorySegment state = call.allocate(Native.CALL_STATE);
      pages = (MemorySegment) mmap.invokeExact(state, MemorySegment.ofAddress(address), size,
          protection, flags, fd, 0L);
      error = (int) errno.get(state, 0L);
    } catch (Throwable t) {
      throw Native.unexpected("mmap", t);
    }
    if (pages.address() == MAP_FAILED) {
      throw new OutOfMemoryError(
          "cannot map " + size + " bytes for JIT code: mmap failed, " + describe(error));
    }
    return pages.address();
  }

  /** A new System V shared memory segment of {@code size} bytes, its id. */
  private synchronized int sharedMemory(long size) {
    if (shmget == null) {
      SymbolLookup libc = Native.LINKER.defaultLookup();
      Linker.Option errnoOption = Linker.Option.captureCallState("errno");
      shmget = Native.function(libc, "libc", "shmget",
          FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_INT), errnoOption);
      shmat = Native.function(libc, "libc", "shmat",
          FunctionDescriptor.of(ADDRESS, JAVA_INT, ADDRESS, JAVA_INT), errnoOption);
      shmctl = Native.function(libc, "libc", "shmctl",
          FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS));
    }
    int segment;
    int error;
    try (Arena call = Arena.ofConfined()) {
      MemorySegment state = call.allocate(Native.CALL_STATE);
      segment = (int) shmget.invokeExact(state, IPC_PRIVATE, size,
          IPC_CREAT | OWNER_READ_WRITE);
      error = (int) errno.get(state, 0L);
    } catch (Throwable t) {
      throw Native.unexpected("shmget", t);
    }
    if (segment < 0) {
      throw new OutOfMemoryError("cannot create " + size + " bytes of shared memory for JIT"
          + " code: shmget failed, " + describe(error));
    }
    return segment;
  }

  /** Attaches {@code segment} at {@code address}, replacing what is mapped there. */
  private void attach(int segment, long address, int flags) {
    MemorySegment attached;
    int error;
    try (Arena call = Arena.ofConfined()) {
      MemorySegment state = call.allocate(Native.CALL_STATE);
      attached = (MemorySegment) shmat.invokeExact(state, segment,
          MemorySegment.ofAddress(address), flags);
      error = (int) errno.get(state, 0L);
    } catch (Throwable t) {
      throw Native.unexpected("shmat", t);
    }
    if (attached.address() == MAP_FAILED) {
      throw new OutOfMemoryError(String.format("cannot attach shared memory for JIT code at"
          + " %#x: shmat failed, %s", address, describe(error)));
    }
  }

  private void removeSharedMemory(int segment) {
    try {
      // fails only for a bad id, and this is the one shmget returned
      int unused = (int) shmctl.invokeExact(segment, IPC_RMID, MemorySegment.NULL);
    } catch (Throwable t) {
      throw Native.unexpected("shmctl", t);
    }
  }

  private void unmap(long pages, long size) {
    try {
      // munmap fails only for bad arguments, and these are the ones mmap returned
      int unused = (int) munmap.invokeExact(MemorySegment.ofAddress(pages), size);
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
