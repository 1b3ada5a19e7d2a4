package io.stencil4j.runtime;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The addresses of the external symbols a library's stencils call, looked up once per assembler
 * and only for the stencils a function uses.
 */
final class SymbolAddresses {
  private final SymbolLookup lookup;
  /** Per library stencil: its symbols' addresses; null until one of its functions is finished. */
  private final long[][] addresses;

  SymbolAddresses(SymbolLookup lookup, int stencils) {
    this.lookup = lookup;
    this.addresses = new long[stencils][];
  }

  /**
   * Finds the symbols of the stencils staged with holes left ({@code holed}, grouped) that have
   * none found yet; a stencil's symbols are holes it leaves for finish.
   *
   * @throws IllegalStateException if one is not found
   */
  void resolve(StagedFunction staged, HoledStencils holed) {
    Map<String, Long> found = null;
    for (int g = 0; g < holed.groupCount; g++) {
      PreparedStencil stencil = holed.stencil(staged, g);
      if (!stencil.hasSymbols || addresses[stencil.index] != null) {
        continue;
      }
      long[] stencilAddresses = new long[stencil.symbols.size()];
      for (int i = 0; i < stencilAddresses.length; i++) {
        if (found == null) {
          found = new HashMap<>();
        }
        String name = stencil.symbols.get(i);
        Long address = found.get(name);
        if (address == null) {
          Optional<MemorySegment> symbol = lookup.find(name);
          if (symbol.isEmpty()) {
            throw new IllegalStateException("cannot find the external symbol " + name
                + ", which stencil " + stencil.stencil.name() + " uses; give its address in the"
                + " SymbolLookup of the JitAssembler (e.g. Symbols.of(Map.of(\"" + name
                + "\", upcallStub)))");
          }
          address = symbol.get().address();
          found.put(name, address);
        }
        stencilAddresses[i] = address;
      }
      addresses[stencil.index] = stencilAddresses;
    }
  }

  /** The address of symbol {@code symbol} of library stencil {@code stencil}, once resolved. */
  long of(int stencil, int symbol) {
    return addresses[stencil][symbol];
  }
}
