package io.stencil4j.runtime;

import io.stencil4j.model.HoleKind;

/**
 * A parameter of one appended stencil that may be patched again after {@link JitAssembler#finish}
 * with {@link JitFunction#patch}: an inline cache, a jump target known later. Made by {@link
 * JitAssembler#patchable}; it belongs to the function finished next.
 */
public final class PatchSite {
  /** The appended stencil's number and the parameter's index, in the assembler. */
  final int stencil;
  final int parameter;
  final String description;
  JitFunction function;
  /** Per hole of the parameter: code or data, offset from the code's or data's start, ... */
  boolean[] inData;
  int[] offsets;
  HoleKind[] kinds;
  long[] addends;

  PatchSite(int stencil, int parameter, String description) {
    this.stencil = stencil;
    this.parameter = parameter;
    this.description = description;
  }

  void bind(JitFunction function, boolean[] inData, int[] offsets, HoleKind[] kinds,
      long[] addends) {
    this.function = function;
    this.inData = inData;
    this.offsets = offsets;
    this.kinds = kinds;
    this.addends = addends;
  }

  @Override
  public String toString() {
    return description;
  }
}
