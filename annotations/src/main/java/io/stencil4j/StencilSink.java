package io.stencil4j;

import io.stencil4j.model.StencilGroup;
import io.stencil4j.model.Triple;

/**
 * Where generated emitters append stencils: each emitter method appends its stencil, then fills
 * the stencil's parameters by their index in {@link StencilGroup#parameters()}.
 */
public interface StencilSink {
  /** {@return the triple whose stencils this sink takes} */
  Triple triple();

  /**
   * Appends {@code stencil}; the fill calls that follow fill its parameters.
   *
   * @param stencil a stencil of this sink's triple
   */
  void append(StencilGroup stencil);

  /**
   * Appends {@code stencil}, which is stencil {@code index} of its library ({@link
   * io.stencil4j.model.StencilLibrary#stencils()}, the ordinal of the generated {@code Name}
   * constant): generated emitters call this, so that a sink may find what it prepared for the
   * stencil by index instead of looking the stencil up. A sink that does so must still accept
   * an index that does not match, as {@link #append(StencilGroup)} would. By default, {@code
   * append(stencil)}.
   *
   * @param stencil a stencil of this sink's triple
   * @param index the stencil's position in its library, a hint only
   */
  default void append(StencilGroup stencil, int index) {
    append(stencil);
  }

  /**
   * Fills parameter {@code index} of the stencil appended last with {@code value}.
   *
   * @param index the parameter's position in {@link StencilGroup#parameters()}
   * @param value the value, checked against each hole's range when it is patched
   */
  void fill(int index, long value);

  /**
   * Fills parameter {@code index} of the stencil appended last with the address of a label.
   *
   * @param index the parameter's position in {@link StencilGroup#parameters()}
   * @param label the label, which may be bound later
   */
  void fill(int index, Label label);
}
