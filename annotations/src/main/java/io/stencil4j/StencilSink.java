package io.stencil4j;

import io.stencil4j.model.StencilGroup;
import io.stencil4j.model.Triple;

/**
 * Where generated emitters append stencils: each emitter method appends its stencil, then fills
 * the stencil's parameters by their index in {@link StencilGroup#parameters()}.
 */
public interface StencilSink {
  /** The triple whose stencils this sink takes. */
  Triple triple();

  /** Appends {@code stencil}; the fill calls that follow fill its parameters. */
  void append(StencilGroup stencil);

  /** Fills parameter {@code index} of the stencil appended last with {@code value}. */
  void fill(int index, long value);

  /** Fills parameter {@code index} of the stencil appended last with the address of a label. */
  void fill(int index, Label label);
}
