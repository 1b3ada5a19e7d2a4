package io.stencil4j.runtime;

import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.stencil4j.model.StencilGroup;
import io.stencil4j.model.Triple;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Runs {@link X86Stencils}, so the functions only on x86-64 Linux. */
class SymbolsTest {
  private static final FunctionDescriptor HOST = FunctionDescriptor.of(JAVA_LONG, JAVA_LONG);

  @Test
  void aLazySymbolIsMadeWhenAFunctionCallingItIsFinishedAndOnce() throws Throwable {
    assumeTrue(Triple.host().orElse(null) == Triple.X86_64_UNKNOWN_LINUX_GNU);
    AtomicInteger made = new AtomicInteger();
    try (Arena arena = Arena.ofConfined()) {
      MethodHandle triple = MethodHandles.lookup().findStatic(SymbolsTest.class, "triple",
          MethodType.methodType(long.class, long.class));
      JitAssembler assembler = new JitAssembler(X86Stencils.LIBRARY,
          Symbols.lazy(X86Stencils.HOST, () -> {
            made.incrementAndGet();
            return Linker.nativeLinker().upcallStub(triple, HOST, arena);
          }));
      emit(assembler, "CONST", 5);
      emit(assembler, "RET");
      MethodHandle five = assembler.finish(arena).handle(FunctionDescriptor.of(JAVA_LONG));
      assertEquals(5L, (long) five.invokeExact());
      assertEquals(0, made.get(), "made for a function that does not call it");
      for (long value = 1; value <= 2; value++) {
        assembler.reset();
        emit(assembler, "CONST", value);
        emit(assembler, "CALL");
        emit(assembler, "RET");
        MethodHandle tripled = assembler.finish(arena).handle(FunctionDescriptor.of(JAVA_LONG));
        assertEquals(3 * value, (long) tripled.invokeExact());
      }
      assertEquals(1, made.get());
    }
  }

  @Test
  void aLazyLookupFindsOnlyItsName() {
    SymbolLookup lookup = Symbols.lazy("helper", () -> MemorySegment.ofAddress(0x1234));
    assertEquals(Optional.empty(), lookup.find("other"));
    assertEquals(0x1234, lookup.find("helper").orElseThrow().address());
  }

  @Test
  void aLazyAddressThatIsNullIsNamed() {
    SymbolLookup lookup = Symbols.lazy("helper", () -> null);
    NullPointerException e = assertThrows(NullPointerException.class,
        () -> lookup.find("helper"));
    assertEquals("the address of helper", e.getMessage());
  }

  private static void emit(JitAssembler assembler, String name, long... value) {
    StencilGroup stencil = X86Stencils.LIBRARY.stencil(name);
    assembler.append(stencil, X86Stencils.LIBRARY.stencils().indexOf(stencil));
    if (value.length > 0) {
      assembler.fill(0, value[0]);
    }
  }

  private static long triple(long value) {
    return 3 * value;
  }
}
