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
  /** The stencils used since the last {@link #forgetUsed}, each once, and whether each is. */
  private final PreparedStencil[] used;
  private final boolean[] isUsed;
  private int usedCount;

  SymbolAddresses(SymbolLookup lookup, int stencils) {
    this.lookup = lookup;
    this.addresses = new long[stencils][];
    this.used = new PreparedStencil[stencils];
    this.isUsed = new boolean[stencils];
  }

  /** Notes that the function being built uses {@code stencil}. */
  void use(PreparedStencil stencil) {
    if (!isUsed[stencil.index]) {
      isUsed[stencil.index] = true;
      used[usedCount++] = stencil;
    }
  }

  /** Forgets which stencils are used, keeping the addresses found. */
  void forgetUsed() {
    for (int i = 0; i < usedCount; i++) {
      isUsed[used[i].index] = false;
    }
    usedCount = 0;
  }

  /**
   * Finds the symbols of the stencils used that have none found yet.
   *
   * @throws IllegalStateException if one is not found
   */
  void resolve() {
    Map<String, Long> found = null;
    for (int u = 0; u < usedCount; u++) {
      PreparedStencil stencil = used[u];
      if (addresses[stencil.index] != null) {
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
