package io.stencil4j.processor.target;

import io.stencil4j.model.Hole;

/** The stencil under construction, as a target's relocation rules see it. */
public interface StencilDraft {

  /** The code or data bytes, which a target may rewrite (relaxing an instruction). */
  byte[] bytes(Site.Part part);

  /** Adds a hole to the code or data. */
  void addHole(Site.Part part, Hole hole);

  /** The data offset of an 8-byte slot that holds the address of {@code reference}. */
  int gotSlot(Reference reference);

  /**
   * The code offset of a trampoline that jumps to {@code reference}, for direct branches whose
   * target may be out of their reach.
   */
  int trampoline(Reference reference);
}
