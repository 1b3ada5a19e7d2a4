package io.stencil4j.runtime;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.util.Map;
import java.util.Optional;

/** Symbol lookups for the external symbols stencils call. */
public final class Symbols {
  private Symbols() {}

  /**
   * A lookup that finds exactly the given addresses by name, e.g. an upcall stub for a host
   * function written in Java. Chain others with {@link SymbolLookup#or}: {@code
   * Symbols.of(Map.of("helper", stub)).or(Linker.nativeLinker().defaultLookup())}.
   *
   * @param addresses the addresses, by symbol name (copied)
   * @return the lookup
   */
  public static SymbolLookup of(Map<String, MemorySegment> addresses) {
    Map<String, MemorySegment> copy = Map.copyOf(addresses);
    return name -> Optional.ofNullable(copy.get(name));
  }
}
