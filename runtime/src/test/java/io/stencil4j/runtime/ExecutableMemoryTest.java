package io.stencil4j.runtime;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.stencil4j.model.Triple;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import org.junit.jupiter.api.Test;

class ExecutableMemoryTest {
  private final ExecutableMemory memory = ExecutableMemory.forHost();

  @Test
  void pagesAreWritableThenExecutableNeverBoth() {
    assumeTrue(ProcessMaps.available());
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment pages = memory.allocate(2 * memory.pageSize(), arena);
      long code = pages.address();
      long data = code + memory.pageSize();
      assertEquals("rw-p", ProcessMaps.permissions(code));
      memory.makeExecutable(pages.asSlice(0, memory.pageSize()));
      assertEquals("r-xp", ProcessMaps.permissions(code));
      assertEquals("rw-p", ProcessMaps.permissions(data));
    }
  }

  @Test
  void closingTheArenaUnmapsThePages() {
    assumeTrue(ProcessMaps.available());
    long address;
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment pages = memory.allocate(memory.pageSize(), arena);
      memory.makeExecutable(pages);
      address = pages.address();
      assertEquals("r-xp", ProcessMaps.permissions(address));
    }
    // something else may be mapped there since, but hardly executable anonymous memory
    assertNotEquals("r-xp", ProcessMaps.permissions(address));
  }

  @Test
  void pagesArePageAligned() {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment pages = memory.allocate(memory.pageSize(), arena);
      assertEquals(0, pages.address() % memory.pageSize());
      assertEquals(memory.pageSize(), pages.byteSize());
    }
  }

  @Test
  void failureToMapNamesTheSizeAndErrno() {
    try (Arena arena = Arena.ofConfined()) {
      OutOfMemoryError e = assertThrows(OutOfMemoryError.class,
          () -> memory.allocate(1L << 60, arena));
      assertTrue(e.getMessage().startsWith("cannot map 1152921504606846976 bytes for JIT code:"
          + " mmap failed, errno 12 ("), e.getMessage());
    }
  }

  @Test
  void runningOutOfMappingsIsAnOutOfMemoryError() {
    // ENOMEM, as when vm.max_map_count is reached: the page at 4096 is below mmap_min_addr
    MemorySegment unmapped = MemorySegment.ofAddress(memory.pageSize())
        .reinterpret(memory.pageSize());
    OutOfMemoryError e = assertThrows(OutOfMemoryError.class,
        () -> memory.makeExecutable(unmapped));
    assertEquals("cannot make 4096 bytes of JIT code at 0x1000 executable: mprotect failed,"
        + " errno 12 (Cannot allocate memory)", e.getMessage());
  }

  @Test
  void codeWrittenThroughTheWritableViewRunsInTheExecutableOne() throws Throwable {
    assumeTrue(Triple.host().orElse(null) == Triple.X86_64_UNKNOWN_LINUX_GNU);
    long pageSize = memory.pageSize();
    DualMapping mapping = memory.mapTwice(pageSize, pageSize);
    try {
      assertEquals("r-xs", ProcessMaps.permissions(mapping.executable()));
      assertEquals("rw-s", ProcessMaps.permissions(mapping.writableCode()));
      assertEquals("rw-p", ProcessMaps.permissions(mapping.data()));
      assertEquals(3 * pageSize, mapping.span());
      // mov eax, 42; ret
      byte[] code = {(byte) 0xb8, 42, 0, 0, 0, (byte) 0xc3};
      MemorySegment.copy(code, 0, MemorySegment.ofAddress(mapping.writableCode())
          .reinterpret(code.length), JAVA_BYTE, 0, code.length);
      MethodHandle function = Linker.nativeLinker().downcallHandle(
          MemorySegment.ofAddress(mapping.executable()), FunctionDescriptor.of(JAVA_INT));
      assertEquals(42, (int) function.invokeExact());
    } finally {
      memory.unmapTwice(mapping);
    }
    assertEquals("unmapped", ProcessMaps.permissions(mapping.executable()));
  }
}
