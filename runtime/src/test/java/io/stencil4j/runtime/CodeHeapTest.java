package io.stencil4j.runtime;

import static java.lang.foreign.ValueLayout.JAVA_LONG;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs {@link X86Stencils}, so only on x86-64 Linux, whose functions share a code heap. */
class CodeHeapTest {
  /** Calls the function at the address it is given: one handle for every function. */
  private static final MethodHandle CALL =
      Linker.nativeLinker().downcallHandle(FunctionDescriptor.of(JAVA_LONG));

  @BeforeEach
  void onX86Linux() {
    assumeTrue(Triple.host().orElse(null) == Triple.X86_64_UNKNOWN_LINUX_GNU);
  }

  @Test
  void aMillionLiveFunctionsStayInAFewMappings() throws Throwable {
    assumeTrue(ProcessMaps.available());
    int count = 1_000_000;
    int before = ProcessMaps.mappings().size();
    Arena[] arenas = new Arena[count];
    MemorySegment[] functions = new MemorySegment[count];
    try {
      for (int i = 0; i < count; i++) {
        arenas[i] = Arena.ofConfined();
        functions[i] = loadData(i, arenas[i]);
      }
      int regions = CodeHeap.shared().regionCount();
      int live = ProcessMaps.mappings().size();
      assertTrue(live - before < 100, before + " mappings before, " + live + " with a million"
          + " functions");
      callAll(functions, 0);
      // free every other function, then fill their places with new ones
      for (int i = 0; i < count; i += 2) {
        arenas[i].close();
      }
      for (int i = 0; i < count; i += 2) {
        arenas[i] = Arena.ofConfined();
        functions[i] = loadData(i + count, arenas[i]);
      }
      int after = ProcessMaps.mappings().size();
      assertEquals(regions, CodeHeap.shared().regionCount(), "freed space is reused");
      assertTrue(after - before < 100, before + " mappings before, " + after + " after");
      for (int i = 0; i < count; i++) {
        assertEquals(i % 2 == 0 ? i + count : i, (long) CALL.invokeExact(functions[i]));
      }
    } finally {
      Arrays.stream(arenas).filter(a -> a != null && a.scope().isAlive()).forEach(Arena::close);
    }
  }

  @Test
  void functionsRunWhileOthersAreWrittenAndFreedInTheirRegion() throws Exception {
    try (Arena shared = Arena.ofShared()) {
      MemorySegment answer = loadData(42, shared);
      List<Callable<Void>> work = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        work.add(() -> {
          for (int i = 0; i < 200_000; i++) {
            assertEquals(42L, call(answer));
          }
          return null;
        });
        long first = t * 1_000_000L;
        work.add(() -> {
          for (long i = first; i < first + 20_000; i++) {
            try (Arena arena = Arena.ofConfined()) {
              assertEquals(i, call(loadData(i, arena)));
            }
          }
          return null;
        });
      }
      ExecutorService threads = Executors.newFixedThreadPool(work.size());
      try {
        for (Future<Void> done : threads.invokeAll(work)) {
          done.get();
        }
      } finally {
        threads.shutdown();
      }
    }
  }

  @Test
  void theSpaceOfAFreedFunctionIsReused() {
    long address;
    try (Arena arena = Arena.ofConfined()) {
      address = loadData(1, arena).address();
    }
    try (Arena arena = Arena.ofConfined()) {
      assertEquals(address, loadData(2, arena).address());
    }
  }

  @Test
  void aFunctionLargerThanARegionGetsOneOfItsOwnUnmappedWhenFreed() throws Throwable {
    // a small function keeps an ordinary region, so that the large one's is not the last
    try (Arena small = Arena.ofConfined()) {
      loadData(1, small);
      int regions = CodeHeap.shared().regionCount();
      long address;
      try (Arena arena = Arena.ofConfined()) {
        JitAssembler assembler = new JitAssembler(X86Stencils.LIBRARY);
        // 3.5 million stencils of 13 bytes: 45 MB of code, more than a 32 MiB region
        append(assembler, "CONST", 0);
        for (int i = 0; i < 3_500_000; i++) {
          append(assembler, "ADD", 1);
        }
        assembler.append(X86Stencils.LIBRARY.stencil("RET"));
        MemorySegment function = assembler.finish(arena).code();
        address = function.address();
        assertEquals(regions + 1, CodeHeap.shared().regionCount());
        assertEquals(3_500_000L, (long) CALL.invokeExact(function));
      }
      assertEquals(regions, CodeHeap.shared().regionCount());
      assertNotEquals("r-xs", ProcessMaps.permissions(address));
    }
  }

  @Test
  void aFunctionWhoseCodeCannotReachItsDataIsRefused() {
    CodeHeap heap = new CodeHeap(ExecutableMemory.forHost(), 1L << 20);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> heap.reserve(600L << 20, 16));
    assertEquals("a function of 629145600 bytes of code and 16 bytes of data is too large:"
        + " its code must reach its data within 1 GiB", e.getMessage());
    assertEquals(0, heap.regionCount());
  }

  private static void callAll(MemorySegment[] functions, long offset) throws Throwable {
    for (int i = 0; i < functions.length; i++) {
      assertEquals(i + offset, (long) CALL.invokeExact(functions[i]));
    }
  }

  /** For lambdas, which may not throw a Throwable. */
  private static long call(MemorySegment function) {
    try {
      return (long) CALL.invokeExact(function);
    } catch (Throwable t) {
      throw new AssertionError(t);
    }
  }

  /** A function returning {@code value}, which it loads from its data. */
  private static MemorySegment loadData(long value, Arena arena) {
    JitAssembler assembler = new JitAssembler(X86Stencils.LIBRARY);
    append(assembler, "LOAD_DATA", value);
    assembler.append(X86Stencils.LIBRARY.stencil("RET"));
    return assembler.finish(arena).code();
  }

  private static void append(JitAssembler assembler, String name, long value) {
    assembler.append(X86Stencils.LIBRARY.stencil(name));
    assembler.fill(0, value);
  }
}
