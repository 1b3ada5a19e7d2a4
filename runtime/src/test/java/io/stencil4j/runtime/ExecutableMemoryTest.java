package io.stencil4j.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
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
}
