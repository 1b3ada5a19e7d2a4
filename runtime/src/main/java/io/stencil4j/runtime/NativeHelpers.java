package io.stencil4j.runtime;

import io.stencil4j.model.StencilGroup;
import io.stencil4j.model.StencilLibrary;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A library's native helpers (its stencil {@code HELPERS}, the one that defines functions):
 * placed once per library in memory that lives as long as the process, when the first function
 * that calls one is finished, and found by name ahead of the assembler's own lookup. Stencils
 * call a helper as any external symbol (through their GOT slot or trampoline), so the helpers
 * need not be near the functions that call them. The helpers' own external symbols are found in
 * the default native libraries.
 */
final class NativeHelpers {
  /** Each library's helpers placed: their functions' addresses, by the helpers' stencil. */
  private static final Map<StencilGroup, Map<String, MemorySegment>> PLACED =
      new IdentityHashMap<>();

  private static final SymbolLookup DEFAULT_LIBRARIES = Native.LINKER.defaultLookup();

  private NativeHelpers() {}

  /**
   * {@return {@code symbols}, preceded by the helpers of {@code library} if it has any}
   *
   * @param library the assembler's stencils
   * @param symbols the assembler's lookup
   */
  static SymbolLookup ahead(PreparedLibrary library, SymbolLookup symbols) {
    StencilGroup helpers = library.helpers;
    if (helpers == null) {
      return symbols;
    }
    return name -> helpers.functions().containsKey(name)
        ? Optional.of(placed(library.library, helpers).get(name)) : symbols.find(name);
  }

  /**
   * The addresses of {@code helpers}' functions, placing them first if they are not yet.
   *
   * @throws IllegalStateException if an external symbol of the helpers is not found
   */
  private static synchronized Map<String, MemorySegment> placed(StencilLibrary library,
      StencilGroup helpers) {
    Map<String, MemorySegment> addresses = PLACED.get(helpers);
    if (addresses != null) {
      return addresses;
    }
    for (String symbol : helpers.symbols()) {
      if (DEFAULT_LIBRARIES.find(symbol).isEmpty()) {
        throw new IllegalStateException("cannot place the native helpers: they call the external "
            + "symbol " + symbol + ", which the default native libraries do not have (a helper "
            + "may call other helpers and the C library, not the assembler's symbols)");
      }
    }
    JitAssembler assembler = new JitAssembler(
        new StencilLibrary(library.triple(), List.of(helpers)), DEFAULT_LIBRARIES);
    assembler.append(helpers);
    JitFunction function = assembler.finish(Arena.global(), "stencil4j-helpers");
    addresses = new HashMap<>();
    for (Map.Entry<String, Integer> entry : helpers.functions().entrySet()) {
      addresses.put(entry.getKey(), function.code().asSlice(entry.getValue(), 0));
    }
    addresses = Map.copyOf(addresses);
    PLACED.put(helpers, addresses);
    return addresses;
  }
}
