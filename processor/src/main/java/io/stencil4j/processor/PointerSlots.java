package io.stencil4j.processor;

import io.stencil4j.model.Hole;
import io.stencil4j.model.HoleKind;
import io.stencil4j.model.StencilGroup;
import io.stencil4j.model.Triple;
import java.util.List;

/**
 * A stencil's 8-byte absolute holes made as wide as a pointer of its triple. The stencil builder
 * patches each pointer slot it appends to the data (the GOT that a dllimport is loaded from) as
 * {@link HoleKind#ABS_64}; the code of a 32-bit triple reads only the slot's first 4 bytes, so a
 * value beyond 32 bits would lose its upper half unnoticed ({@code 0x100000005} read as 5).
 * There such holes become {@link HoleKind#ABS_32}, which writes those 4 bytes and refuses a value
 * that does not fit. (No relocation of a 32-bit object asks for 8 bytes.)
 */
final class PointerSlots {
  private PointerSlots() {}

  /** {@code stencil}, with its {@code ABS_64} holes {@code ABS_32} if {@code triple} is 32-bit. */
  static StencilGroup fitted(StencilGroup stencil, Triple triple) {
    if (triple.pointerSize() == 8) {
      return stencil;
    }
    return new StencilGroup(stencil.name(), stencil.code(), stencil.data(),
        fitted(stencil.codeHoles()), fitted(stencil.dataHoles()));
  }

  private static List<Hole> fitted(List<Hole> holes) {
    return holes.stream().map(h -> h.kind() != HoleKind.ABS_64 ? h
        : new Hole(h.offset(), HoleKind.ABS_32, h.value(), h.name(), h.addend())).toList();
  }
}
