package io.stencil4j.runtime;

import static io.stencil4j.model.HoleKind.ABS_64;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.stencil4j.model.Hole;
import io.stencil4j.model.StencilGroup;
import io.stencil4j.model.StencilLibrary;
import io.stencil4j.model.Triple;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.ByteOrder;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The native helpers of a library (hand-written x86-64 ones): placed once, found ahead of the
 * assembler's lookup, their own external symbols found in the default libraries.
 */
class NativeHelpersTest {
  private static final FunctionDescriptor UNARY = FunctionDescriptor.of(JAVA_LONG, JAVA_LONG);
  /** mov rax, rdi: the first argument. */
  private static final StencilGroup ARG = stencil("ARG", "48 89 f8", List.of());
  private static final StencilGroup RET = stencil("RET", "c3", List.of());

  @BeforeEach
  void onX86Linux() {
    assumeTrue(Triple.host().orElse(null) == Triple.X86_64_UNKNOWN_LINUX_GNU);
  }

  /**
   * A library whose helpers are {@code twice} (lea rax, [rdi + rdi]; ret) at 0 and, at 8, {@code
   * absolute}, a tail call to the external symbol {@code external} (movabs rax, external; jmp
   * rax); its stencils {@code CALL_TWICE} and {@code CALL_ABSOLUTE} call them on rax.
   */
  private static StencilLibrary library(String external) {
    Map<String, Integer> functions = new LinkedHashMap<>();
    functions.put("twice", 0);
    functions.put("absolute", 8);
    StencilGroup helpers = new StencilGroup("HELPERS",
        hex("48 8d 04 3f c3 cc cc cc 48 b8 00 00 00 00 00 00 00 00 ff e0"), new byte[0],
        List.of(Hole.symbol(10, ABS_64, external, 0)), List.of(), functions);
    return new StencilLibrary(Triple.X86_64_UNKNOWN_LINUX_GNU, List.of(ARG, call("twice"),
        call("absolute"), RET, helpers));
  }

  /** mov rdi, rax; movabs rax, SYMBOL; sub rsp, 8; call rax; add rsp, 8. */
  private static StencilGroup call(String helper) {
    return stencil("CALL_" + helper.toUpperCase(java.util.Locale.ROOT),
        "48 89 c7 48 b8 00 00 00 00 00 00 00 00 48 83 ec 08 ff d0 48 83 c4 08",
        List.of(Hole.symbol(5, ABS_64, helper, 0)));
  }

  @Test
  void stencilsCallTheHelpersPlacedOnceAheadOfTheAssemblersLookup() throws Throwable {
    StencilLibrary library = library("labs");
    // a lookup that knows neither helper: the helpers are found before it is asked
    SymbolLookup none = name -> Optional.empty();
    try (Arena arena = Arena.ofConfined()) {
      long[] helperAddresses = new long[2];
      for (int i = 0; i < 2; i++) {
        JitAssembler assembler = new JitAssembler(library, none);
        assembler.append(library.stencil("ARG"));
        assembler.append(library.stencil("CALL_ABSOLUTE"));
        assembler.append(library.stencil("CALL_TWICE"));
        assembler.append(library.stencil("RET"));
        JitFunction function = assembler.finish(arena);
        MethodHandle handle = function.handle(UNARY);
        assertEquals(42L, (long) handle.invokeExact(-21L));
        assertEquals(10L, (long) handle.invokeExact(5L));
        // the address CALL_TWICE calls: its movabs operand
        helperAddresses[i] = function.code().get(JAVA_LONG.withOrder(ByteOrder.LITTLE_ENDIAN)
            .withByteAlignment(1), 3 + 23 + 5);
      }
      assertEquals(helperAddresses[0], helperAddresses[1], "the helpers are placed once");
    }
  }

  @Test
  void aHelpersExternalSymbolThatIsNotFoundIsAnErrorNamingIt() {
    StencilLibrary library = library("stencil4j_no_such_symbol");
    JitAssembler assembler = new JitAssembler(library);
    assembler.append(library.stencil("ARG"));
    assembler.append(library.stencil("CALL_TWICE"));
    assembler.append(library.stencil("RET"));
    try (Arena arena = Arena.ofConfined()) {
      IllegalStateException e =
          assertThrows(IllegalStateException.class, () -> assembler.finish(arena));
      assertEquals("cannot place the native helpers: they call the external symbol "
          + "stencil4j_no_such_symbol, which the default native libraries do not have (a helper "
          + "may call other helpers and the C library, not the assembler's symbols)",
          e.getMessage());
    }
  }

  private static StencilGroup stencil(String name, String code, List<Hole> holes) {
    return new StencilGroup(name, hex(code), new byte[0], holes, List.of());
  }

  private static byte[] hex(String bytes) {
    return HexFormat.ofDelimiter(" ").parseHex(bytes);
  }
}
