package io.stencil4j.runtime;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;

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
  /** Null where instruction fetch sees stores by itself (x86). */
  private final InstructionCache instructionCache;
  private final WordFunction mmap;
  private final WordFunction mprotect;
  private final WordFunction munmap;
  private final WordFunction shmget;
  private final WordFunction shmat;
  private final WordFunction shmctl;
  private final long pageSize;

  private PosixMemory(int mapAnonymous, boolean linux, InstructionCache instructionCache) {
    this.mapFlags = MAP_PRIVATE | mapAnonymous;
    this.linux = linux;
    this.instructionCache = instructionCache;
    SymbolLookup libc = Native.LINKER.defaultLookup();
    this.mmap = new WordFunction(libc, "libc", "mmap");
    this.mprotect = new WordFunction(libc, "libc", "mprotect");
    this.munmap = new WordFunction(libc, "libc", "munmap");
    this.shmget = linux ? new WordFunction(libc, "libc", "shmget") : null;
    this.shmat = linux ? new WordFunction(libc, "libc", "shmat") : null;
    this.shmctl = linux ? new WordFunction(libc, "libc", "shmctl") : null;
    this.pageSize = (int) new WordFunction(libc, "libc", "getpagesize").call(0, 0, 0, 0, 0, 0)
        .value();
  }

  /** Linux; {@code instructionCache} null where instruction fetch sees stores by itself. */
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
    if (instructionCache != null) {
      instructionCache.flush(code);
    }
  }

  @Override
  void makeExecutable(MemorySegment pages) {
    flush(pages);
    WordFunction.Result result = mprotect.call(pages.address(), pages.byteSize(),
        PROT_READ | PROT_EXEC, 0, 0, 0);
    int error = result.errno();
    if ((int) result.value() != 0) {
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
    WordFunction.Result pages = mmap.call(address, size, protection, flags, fd, 0);
    if (pages.value() == MAP_FAILED) {
      throw new OutOfMemoryError(
          "cannot map " + size + " bytes for JIT code: mmap failed, " + describe(pages.errno()));
    }
    return pages.value();
  }

  /** A new System V shared memory segment of {@code size} bytes, its id. */
  private int sharedMemory(long size) {
    WordFunction.Result segment = shmget.call(IPC_PRIVATE, size, IPC_CREAT | OWNER_READ_WRITE,
        0, 0, 0);
    if ((int) segment.value() < 0) {
      throw new OutOfMemoryError("cannot create " + size + " bytes of shared memory for JIT"
          + " code: shmget failed, " + describe(segment.errno()));
    }
    return (int) segment.value();
  }

  /** Attaches {@code segment} at {@code address}, replacing what is mapped there. */
  private void attach(int segment, long address, int flags) {
    WordFunction.Result attached = shmat.call(segment, address, flags, 0, 0, 0);
    if (attached.value() == MAP_FAILED) {
      throw new OutOfMemoryError(String.format("cannot attach shared memory for JIT code at"
          + " %#x: shmat failed, %s", address, describe(attached.errno())));
    }
  }

  private void removeSharedMemory(int segment) {
    // fails only for a bad id, and this is the one shmget returned
    shmctl.call(segment, IPC_RMID, 0, 0, 0, 0);
  }

  private void unmap(long pages, long size) {
    // munmap fails only for bad arguments, and these are the ones mmap returned
    munmap.call(pages, size, 0, 0, 0, 0);
  }

  /** "errno N (message)". */
  private static String describe(int error) {
    long message = new WordFunction(Native.LINKER.defaultLookup(), "libc", "strerror")
        .call(error, 0, 0, 0, 0, 0).value();
    return "errno " + error + " ("
        + MemorySegment.ofAddress(message).reinterpret(Long.MAX_VALUE).getString(0) + ")";
  }
}
