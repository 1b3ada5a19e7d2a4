package io.stencil4j.benchmarks;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * Private anonymous pages of the compile-latency floor, mapped once with {@code mmap} and faulted
 * in, whose protection {@code mprotect} switches between read-write and read-execute (Linux
 * constants: the floor is measured on the x86-64 Linux host only).
 */
final class Pages implements AutoCloseable {
  private static final int PAGE = 4096;
  private static final int READ = 1;
  private static final int WRITE = 2;
  private static final int EXECUTE = 4;
  private static final int MAP_PRIVATE = 0x02;
  private static final int MAP_ANONYMOUS = 0x20;
  private static final MethodHandle MMAP = libc("mmap", FunctionDescriptor.of(ADDRESS, ADDRESS,
      JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG));
  private static final MethodHandle MPROTECT = libc("mprotect",
      FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT));
  private static final MethodHandle MUNMAP = libc("munmap",
      FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG));

  private final MemorySegment pages;

  /** At least {@code bytes} of read-write memory, every page written once so it is there. */
  Pages(long bytes) {
    long size = Math.max(PAGE, (bytes + PAGE - 1) / PAGE * PAGE);
    MemorySegment mapped = (MemorySegment) call(MMAP, MemorySegment.NULL, size, READ | WRITE,
        MAP_PRIVATE | MAP_ANONYMOUS, -1, 0L);
    if (mapped.address() == -1L) {
      throw new OutOfMemoryError("mmap of " + size + " bytes failed");
    }
    pages = mapped.reinterpret(size);
    for (long page = 0; page < size; page += PAGE) {
      pages.set(JAVA_INT, page, 0);
    }
  }

  MemorySegment segment() {
    return pages;
  }

  void makeExecutable() {
    protect(READ | EXECUTE);
  }

  void makeWritable() {
    protect(READ | WRITE);
  }

  @Override
  public void close() {
    if ((int) call(MUNMAP, pages, pages.byteSize()) != 0) {
      throw new IllegalStateException("munmap of " + pages + " failed");
    }
  }

  /** Measured: an exact invocation, not {@link #call}'s boxing one. */
  private void protect(int protection) {
    int result;
    try {
      result = (int) MPROTECT.invokeExact(pages, pages.byteSize(), protection);
    } catch (Throwable t) {
      throw new AssertionError("mprotect threw", t);
    }
    if (result != 0) {
      throw new IllegalStateException("mprotect of " + pages + " to " + protection + " failed");
    }
  }

  private static MethodHandle libc(String name, FunctionDescriptor descriptor) {
    Linker linker = Linker.nativeLinker();
    return linker.downcallHandle(linker.defaultLookup().find(name).orElseThrow(), descriptor);
  }

  private static Object call(MethodHandle function, Object... arguments) {
    try {
      return function.invokeWithArguments(arguments);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new AssertionError("a downcall threw a checked exception", t);
    }
  }
}
