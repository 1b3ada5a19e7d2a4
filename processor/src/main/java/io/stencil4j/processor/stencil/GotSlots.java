package io.stencil4j.processor.stencil;

import io.stencil4j.model.Hole;
import io.stencil4j.model.HoleKind;
import io.stencil4j.processor.target.Reference;
import io.stencil4j.processor.target.Target;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The GOT of one stencil: a pointer-sized slot after its data for each address that its code
 * loads rather than encodes, filled by a data hole.
 */
final class GotSlots {
  private final int pointerSize;
  /** Where the first slot goes: after the data, 8-byte aligned. */
  private final int base;
  private final Map<Reference, Integer> slots = new LinkedHashMap<>();

  GotSlots(Target target, int dataLength) {
    this.pointerSize = target.triple().pointerSize();
    this.base = StencilBuilder.align(dataLength, 8);
  }

  /** The data offset of the slot that holds {@code reference}, the same for the same reference. */
  int of(Reference reference) {
    return slots.computeIfAbsent(reference, r -> base + pointerSize * slots.size());
  }

  /**
   * {@code data} with the slots appended, not padded: each stencil's data starts 16-byte
   * aligned (whoever places it rounds up), so a size need not be a multiple of 16. The holes that
   * fill the slots are added to {@code holes}.
   */
  byte[] appendTo(byte[] data, List<Hole> holes) {
    int end = slots.isEmpty() ? data.length : base + pointerSize * slots.size();
    // 32-bit code reads 4 bytes: a 4-byte hole refuses a value that does not fit
    HoleKind kind = pointerSize == 8 ? HoleKind.ABS_64 : HoleKind.ABS_32;
    slots.forEach((reference, at) -> holes.add(reference.hole(at, kind, 0)));
    return Arrays.copyOf(data, end);
  }
}
