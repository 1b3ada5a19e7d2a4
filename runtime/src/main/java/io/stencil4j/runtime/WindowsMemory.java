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

/**
 * Executable memory on Windows: {@code VirtualAlloc} and {@code VirtualProtect}, with {@code
 * FlushInstructionCache}, which Windows asks for on every architecture. 64-bit JVMs only: sizes
 * are passed as 64-bit {@code SIZE_T}s.
 */
final class WindowsMemory extends ExecutableMemory {
  private static final int MEM_COMMIT = 0x1000;
  private static final int MEM_RESERVE = 0x2000;
  private static final int MEM_RELEASE = 0x8000;
  private static final int PAGE_READWRITE = 0x04;
  private static final int PAGE_EXECUTE_READ = 0x20;
  /** {@code SYSTEM_INFO.dwPageSize} follows a 2-byte architecture and a 2-byte reserved field. */
  private static final long PAGE_SIZE_OFFSET = 4;
  private static final long SYSTEM_INFO_SIZE = 48;

  private final MethodHandle virtualAlloc;
  private final MethodHandle virtualProtect;
  private final MethodHandle virtualFree;
  private final MethodHandle flushInstructionCache;
  private final MemorySegment currentProcess;
  private final VarHandle lastError = Native.capturedError("GetLastError");
  private final long pageSize;

  /**
   * The executable memory of Windows. Typed as the superclass, so that verifying {@link
   * ExecutableMemory#forHost()} does not load this class where it is not used (a class loaded
   * costs a fresh JVM about half a millisecond).
   */
  static ExecutableMemory create() {
    return new WindowsMemory();
  }

  private WindowsMemory() {
    if (ADDRESS.byteSize() != 8) {
      throw new UnsupportedOperationException("Stencil4j's runtime needs a 64-bit JVM on Windows");
    }
    SymbolLookup kernel32 = SymbolLookup.libraryLookup("kernel32", Arena.global());
    Linker.Option lastErrorOption = Linker.Option.captureCallState("GetLastError");
    this.virtualAlloc = Native.function(kernel32, "kernel32", "VirtualAlloc",
        FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_LONG, JAVA_INT, JAVA_INT), lastErrorOption);
    this.virtualProtect = Native.function(kernel32, "kernel32", "VirtualProtect",
        FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT, ADDRESS), lastErrorOption);
    this.virtualFree = Native.function(kernel32, "kernel32", "VirtualFree",
        FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT));
    this.flushInstructionCache = Native.function(kernel32, "kernel32", "FlushInstructionCache",
        FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG));
    MethodHandle getCurrentProcess = Native.function(kernel32, "kernel32", "GetCurrentProcess",
        FunctionDescriptor.of(ADDRESS));
    MethodHandle getSystemInfo = Native.function(kernel32, "kernel32", "GetSystemInfo",
        FunctionDescriptor.ofVoid(ADDRESS));
    try (Arena call = Arena.ofConfined()) {
      this.currentProcess = (MemorySegment) getCurrentProcess.invokeExact();
      MemorySegment systemInfo = call.allocate(SYSTEM_INFO_SIZE, 8);
      getSystemInfo.invokeExact(systemInfo);
      this.pageSize = systemInfo.get(JAVA_INT, PAGE_SIZE_OFFSET);
    } catch (Throwable t) {
      throw Native.unexpected("GetSystemInfo", t);
    }
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
      MemorySegment state = call.allocate(Native.callState());
      pages = (MemorySegment) virtualAlloc.invokeExact(state, MemorySegment.NULL, size,
          MEM_COMMIT | MEM_RESERVE, PAGE_READWRITE);
      error = (int) lastError.get(state, 0L);
    } catch (Throwable t) {
      throw Native.unexpected("VirtualAlloc", t);
    }
    if (pages.equals(MemorySegment.NULL)) {
      throw new OutOfMemoryError("cannot allocate " + size
          + " bytes for JIT code: VirtualAlloc failed, GetLastError " + error);
    }
    try {
      return pages.reinterpret(size, arena, this::free);
    } catch (RuntimeException e) {
      free(pages);
      throw e;
    }
  }

  @Override
  void makeExecutable(MemorySegment pages) {
    int result;
    int error;
    try (Arena call = Arena.ofConfined()) {
      MemorySegment state = call.allocate(Native.callState());
      MemorySegment oldProtection = call.allocate(JAVA_INT);
      result = (int) virtualProtect.invokeExact(state, pages, pages.byteSize(),
          PAGE_EXECUTE_READ, oldProtection);
      error = (int) lastError.get(state, 0L);
      int unused = (int) flushInstructionCache.invokeExact(currentProcess, pages,
          pages.byteSize());
    } catch (Throwable t) {
      throw Native.unexpected("VirtualProtect", t);
    }
    if (result == 0) {
      throw new IllegalStateException(String.format(
          "cannot make %d bytes of JIT code at %#x executable: VirtualProtect failed,"
              + " GetLastError %d", pages.byteSize(), pages.address(), error));
    }
  }

  @Override
  void flush(MemorySegment code) {
    try {
      int unused = (int) flushInstructionCache.invokeExact(currentProcess, code, code.byteSize());
    } catch (Throwable t) {
      throw Native.unexpected("FlushInstructionCache", t);
    }
  }

  private void free(MemorySegment pages) {
    try {
      // MEM_RELEASE frees the whole allocation and wants size 0
      int unused = (int) virtualFree.invokeExact(pages, 0L, MEM_RELEASE);
    } catch (Throwable t) {
      throw Native.unexpected("VirtualFree", t);
    }
  }
}
