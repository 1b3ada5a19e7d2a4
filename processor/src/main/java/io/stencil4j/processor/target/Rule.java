package io.stencil4j.processor.target;

import io.stencil4j.model.HoleKind;

/**
 * A target's rule for one relocation, which the stencil stage applies: the way the hole reaches
 * what the relocation refers to, and the kind of hole that patches the instruction or data.
 *
 * @param route directly, or through a GOT slot or a trampoline the stencil adds
 * @param kind how the hole writes its value
 */
public record Rule(Route route, HoleKind kind) {

  /** How a hole reaches what its relocation refers to. */
  public enum Route {
    /** The hole writes the reference itself. */
    DIRECT,
    /** The hole writes the address of a slot in the stencil's data that holds the reference. */
    GOT_SLOT,
    /**
     * The hole writes the address of a trampoline after the stencil's code that jumps to the
     * reference, which a direct branch may not reach.
     */
    TRAMPOLINE
  }
}
