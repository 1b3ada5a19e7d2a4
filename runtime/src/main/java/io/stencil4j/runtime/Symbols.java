package io.stencil4j.runtime;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

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

  /**
   * A lookup that finds {@code name}, and only it, at the address {@code address} gives when it
   * is first looked up, once. An assembler looks up the symbols of the stencils a function uses
   * when it finishes the function, so an upcall stub made here ({@code () ->
   * Linker.nativeLinker().upcallStub(...)}) is linked only if a function calls it: linking an
   * upcall costs a fresh JVM tens of milliseconds.
   *
   * @param name the symbol's name
   * @param address makes the symbol's address; called at most once
   * @return the lookup
   */
  public static SymbolLookup lazy(String name, Supplier<MemorySegment> address) {
    return new Lazy(Objects.requireNonNull(name, "name"),
        Objects.requireNonNull(address, "address"));
  }

  /** The lookup {@link #lazy} makes. */
  private static final class Lazy implements SymbolLookup {
    private final String name;
    private final Supplier<MemorySegment> supplier;
    private MemorySegment address;

    Lazy(String name, Supplier<MemorySegment> supplier) {
      this.name = name;
      this.supplier = supplier;
    }

    @Override
    public synchronized Optional<MemorySegment> find(String symbol) {
      if (!name.equals(symbol)) {
        return Optional.empty();
      }
      if (address == null) {
        MemorySegment supplied = supplier.get();
        // the message is made only when it is needed: a string concatenation costs a fresh JVM
        // its bootstrap
        if (supplied == null) {
          throw new NullPointerException("the address of " + name);
        }
        address = supplied;
      }
      return Optional.of(address);
    }
  }
}
