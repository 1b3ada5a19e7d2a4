package io.stencil4j.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;

/** All stencils of one {@code @Stencil} interface for one target triple. */
public final class StencilLibrary {
  private final Triple triple;
  private final List<StencilGroup> stencils;
  private final Map<String, StencilGroup> byName = new HashMap<>();

  /**
   * A library whose stencils have distinct names.
   *
   * @param triple the triple every stencil was compiled for
   * @param stencils the stencils in the order their names were declared (copied)
   */
  public StencilLibrary(Triple triple, List<StencilGroup> stencils) {
    this.triple = Objects.requireNonNull(triple, "triple");
    this.stencils = List.copyOf(stencils);
    for (StencilGroup stencil : this.stencils) {
      if (byName.put(stencil.name(), stencil) != null) {
        throw new IllegalArgumentException("two stencils named " + stencil.name());
      }
    }
  }

  /** {@return the triple every stencil was compiled for} */
  public Triple triple() {
    return triple;
  }

  /** {@return the stencils in the order their names were declared} */
  public List<StencilGroup> stencils() {
    return stencils;
  }

  /**
   * {@return the stencil named {@code name}}
   *
   * @param name the case's name, e.g. {@code PUSH_CONST}
   * @throws NoSuchElementException if there is none, with the names there are
   */
  public StencilGroup stencil(String name) {
    StencilGroup stencil = byName.get(name);
    if (stencil == null) {
      throw new NoSuchElementException(
          "no stencil " + name + " for " + triple + "; there are " + byName.keySet());
    }
    return stencil;
  }

  /**
   * {@return the stencil named by a constant of a generated {@code Name} enum} Found by the
   * constant's ordinal when it matches, by name otherwise.
   *
   * @param name the constant
   * @throws NoSuchElementException if there is none, with the names there are
   */
  public StencilGroup stencil(Enum<?> name) {
    int ordinal = name.ordinal();
    if (ordinal < stencils.size() && stencils.get(ordinal).name().equals(name.name())) {
      return stencils.get(ordinal);
    }
    return stencil(name.name());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StencilLibrary other
        && triple == other.triple && stencils.equals(other.stencils);
  }

  @Override
  public int hashCode() {
    return Objects.hash(triple, stencils);
  }

  @Override
  public String toString() {
    return "StencilLibrary[" + triple + ", " + stencils.size() + " stencils]";
  }
}
