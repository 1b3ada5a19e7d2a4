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
  private static final int MAP_SHARED = 0x1;
  private static final int MAP_PRIVATE = 0x2;
  private static final int LINUX_MAP_FIXED = 0x10;
  private static final int LINUX_MAP_ANONYMOUS = 0x20;
  private static final int LINUX_MAP_NORESERVE = 0x4000;
  private static final int MFD_CLOEXEC = 0x1;
  /** Linux 6.3+: an executable memfd, needed where {@code vm.memfd_noexec} forbids the default. */
  private static final int MFD_EXEC = 0x10;
  private static final int EINVAL = 22;
  private static final int ENOMEM = 12;
  private static final int DARWIN_MAP_ANON = 0x1000;
  private static final long MAP_FAILED = -1;

  private final int mapFlags;
  private final boolean linux;
  private final InstructionCache instructionCache;
  private final MethodHandle mmap;
  private final MethodHandle mprotect;
  private final MethodHandle munmap;
  /** Linux only, linked on first use: memfd_create, ftruncate and close. */
  private MethodHandle memfdCreate;
  private MethodHandle ftruncate;
  private MethodHandle close;
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
   * A memfd mapped twice into one reserved span, so that the executable view, its writable alias
   * and the data are within {@link DualMapping#span()} of each other.
   */
  @Override
  DualMapping mapTwice(long codeBytes, long dataBytes) {
    if (!linux) {
      return super.mapTwice(codeBytes, dataBytes);
    }
    DualMapping mapping = new DualMapping(0, codeBytes, dataBytes);
    int fd = memfd(codeBytes + dataBytes);
    try {
      long base = map(0, mapping.span(), PROT_NONE,
          mapFlags | LINUX_MAP_NORESERVE, -1);
      try {
        map(base, codeBytes, PROT_READ | PROT_EXEC, MAP_SHARED | LINUX_MAP_FIXED, fd);
        map(base + codeBytes, codeBytes + dataBytes, PROT_READ | PROT_WRITE,
            MAP_SHARED | LINUX_MAP_FIXED, fd);
      } catch (OutOfMemoryError e) {
        unmap(base, mapping.span());
        throw e;
      }
      return new DualMapping(base, codeBytes, dataBytes);
    } finally {
      closeFile(fd);
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

  /** A memfd of {@code size} bytes, executable where the kernel asks for it to be said. */
  private synchronized int memfd(long size) {
    if (memfdCreate == null) {
      SymbolLookup libc = Native.LINKER.defaultLookup();
      Linker.Option errnoOption = Linker.Option.captureCallState("errno");
      memfdCreate = Native.function(libc, "libc", "memfd_create",
          FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT), errnoOption);
      ftruncate = Native.function(libc, "libc", "ftruncate",
          FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG), errnoOption);
      close = Native.function(libc, "libc", "close", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    }
    try (Arena call = Arena.ofConfined()) {
      MemorySegment state = call.allocate(Native.CALL_STATE);
      MemorySegment name = call.allocateFrom("stencil4j-code");
      int fd = (int) memfdCreate.invokeExact(state, name, MFD_CLOEXEC | MFD_EXEC);
      if (fd < 0 && (int) errno.get(state, 0L) == EINVAL) {
        // before Linux 6.3, MFD_EXEC is unknown, and every memfd may be mapped executable
        fd = (int) memfdCreate.invokeExact(state, name, MFD_CLOEXEC);
      }
      if (fd < 0) {
        throw new OutOfMemoryError("cannot create shared memory for JIT code: memfd_create"
            + " failed, " + describe((int) errno.get(state, 0L)));
      }
      if ((int) ftruncate.invokeExact(state, fd, size) != 0) {
        int error = (int) errno.get(state, 0L);
        closeFile(fd);
        throw new OutOfMemoryError("cannot size shared memory for JIT code to " + size
            + " bytes: ftruncate failed, " + describe(error));
      }
      return fd;
    } catch (Throwable t) {
      if (t instanceof OutOfMemoryError e) {
        throw e;
      }
      throw Native.unexpected("memfd_create", t);
    }
  }

  private void closeFile(int fd) {
    try {
      // the mappings keep the memory; close fails only for a bad descriptor
      int unused = (int) close.invokeExact(fd);
    } catch (Throwable t) {
      throw Native.unexpected("close", t);
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
