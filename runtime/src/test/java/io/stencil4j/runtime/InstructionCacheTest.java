package io.stencil4j.runtime;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.stencil4j.model.Hole;
import io.stencil4j.model.HoleKind;
import io.stencil4j.model.StencilGroup;
import io.stencil4j.model.StencilLibrary;
import io.stencil4j.model.Triple;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The AArch64 path, run here on x86-64 Linux: which bytes are flushed from the instruction cache
 * when a function is published and when it is re-patched, and libgcc's {@code __clear_cache},
 * which AArch64 Linux flushes with (a no-op on x86-64, which exports it too).
 */
class InstructionCacheTest {
  /** mov eax, VALUE; ret. */
  private static final StencilGroup RETURN_VALUE = new StencilGroup("RETURN_VALUE",
      new byte[] {(byte) 0xb8, 0, 0, 0, 0, (byte) 0xc3}, new byte[0],
      List.of(Hole.parameter(1, HoleKind.ABS_32, "VALUE", 0)), List.of());

  private static final long REGION_BYTES = 1L << 20;

  @BeforeEach
  void onX86Linux() {
    assumeTrue(Triple.host().orElse(null) == Triple.X86_64_UNKNOWN_LINUX_GNU);
  }

  @Test
  void theExecutableViewIsFlushedWhenAFunctionIsPublishedAndWhenItIsRepatched()
      throws Throwable {
    List<String> flushed = new ArrayList<>();
    ExecutableMemory memory = PosixMemory.linux(code -> flushed.add(
        Long.toHexString(code.address()) + " " + code.byteSize()));
    CodeHeap heap = new CodeHeap(memory, REGION_BYTES);
    FunctionSpace space = heap.reserve(RETURN_VALUE.codeSize(), 0);
    // the region's first function: at its start
    long code = space.codeAddress();
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment.copy(RETURN_VALUE.code(), 0, space.writableCode(), JAVA_BYTE, 0,
          RETURN_VALUE.codeSize());
      JitFunction function = space.publish(arena, Map.of(), null);
      assertEquals(code, function.code().address());
      assertEquals(List.of(Long.toHexString(code) + " 6"), flushed);

      PreparedLibrary library = PreparedLibrary.of(
          new StencilLibrary(Triple.X86_64_UNKNOWN_LINUX_GNU, List.of(RETURN_VALUE)));
      StagedFunction staged = new StagedFunction(library);
      staged.add(library.get(RETURN_VALUE));
      PatchSite site = new PatchSite(0, 0, "parameter VALUE of stencil RETURN_VALUE");
      site.bind(function, staged);
      function.patch(site, 7);
      assertEquals(List.of(Long.toHexString(code) + " 6", Long.toHexString(code + 1) + " 4"),
          flushed);
      MethodHandle handle = function.handle(FunctionDescriptor.of(JAVA_INT));
      assertEquals(7, (int) handle.invokeExact());
    }
    // a heap keeps its last region; this one's would count as a stray mapping in other tests
    memory.unmapTwice(new DualMapping(code, REGION_BYTES, REGION_BYTES));
    assertEquals("unmapped", ProcessMaps.permissions(code));
  }

  @Test
  void libgccsClearCacheIsFoundAndCalled() throws Throwable {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment code = arena.allocate(64);
      InstructionCache.libgcc().flush(code);
    }
  }
}
