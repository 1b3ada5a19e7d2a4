package io.stencil4j.runtime;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.stencil4j.model.Hole;
import io.stencil4j.model.HoleKind;
import io.stencil4j.model.StencilGroup;
import io.stencil4j.model.StencilLibrary;
import io.stencil4j.model.Triple;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Pages of its own per function, as on macOS and Windows; run here on x86-64 Linux. */
class PrivatePagesTest {
  /** mov eax, imm32; ret. */
  private static final byte[] RETURN_42 = {(byte) 0xb8, 42, 0, 0, 0, (byte) 0xc3};

  @Test
  void aFunctionGetsExecutableCodePagesAndWritableDataPages() throws Throwable {
    assumeTrue(Triple.host().orElse(null) == Triple.X86_64_UNKNOWN_LINUX_GNU);
    ExecutableMemory memory = ExecutableMemory.forHost();
    try (Arena arena = Arena.ofConfined()) {
      FunctionSpace space = PrivatePages.reserve(memory, RETURN_42.length, 16, arena);
      MemorySegment.copy(RETURN_42, 0, space.writableCode(), JAVA_BYTE, 0, RETURN_42.length);
      JitFunction function = space.publish(arena, Map.of(), null);
      assertEquals(42, (int) function.handle(FunctionDescriptor.of(JAVA_INT)).invokeExact());
      assertEquals(memory.pageSize(), function.data().address() - function.code().address());
      assertEquals("r-xp", ProcessMaps.permissions(function.code().address()));
      assertEquals("rw-p", ProcessMaps.permissions(function.data().address()));

      // its code cannot be re-patched: that would make executable pages writable
      StencilGroup stencil = new StencilGroup("RETURN_42", RETURN_42, new byte[0],
          List.of(Hole.parameter(1, HoleKind.ABS_32, "VALUE", 0)), List.of());
      PreparedLibrary library = PreparedLibrary.of(
          new StencilLibrary(Triple.X86_64_UNKNOWN_LINUX_GNU, List.of(stencil)));
      StagedFunction staged = new StagedFunction(library);
      staged.add(library.get(stencil));
      PatchSite site = new PatchSite(0, 0, "parameter VALUE of stencil RETURN_42");
      site.bind(function, staged);
      UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
          () -> function.patch(site, 7));
      assertEquals("cannot re-patch parameter VALUE of stencil RETURN_42: code can be re-patched"
          + " only where it is dual-mapped (Linux)", e.getMessage());
    }
  }
}
