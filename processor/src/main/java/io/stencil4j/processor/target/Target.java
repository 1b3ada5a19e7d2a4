package io.stencil4j.processor.target;

import io.stencil4j.model.Triple;
import io.stencil4j.processor.object.Relocation;
import java.util.List;
import java.util.Optional;

/**
 * What differs between target triples: the clang flags, how symbols are spelled, which holes each
 * relocation type becomes, and how the trailing jump to the next stencil looks.
 */
public interface Target {

  Triple triple();

  /** Stencil4j's clang flags for this triple (the user's flags follow them). */
  List<String> flags();

  /** The prefix the object format puts on C names: {@code _} on Mach-O and 32-bit Windows. */
  String symbolPrefix();

  /**
   * The length of the jump to the next stencil that ends the code, so it can be cut off and
   * stencils fall through; 0 when the code does not end with one.
   *
   * @param code the stencil's code, before any relocation is applied
   * @param last the relocation with the highest offset in the code
   * @param site where {@code last} applies
   * @param reference what {@code last} refers to
   */
  int trailingJumpLength(byte[] code, Relocation last, Site site, Reference reference);

  /**
   * Turns one relocation into holes, rewriting the instruction where the target can do better
   * than the object file (e.g. a GOT load of a nearby address becomes a direct reference).
   *
   * @throws UnsupportedRelocationException when this target does not handle the type
   */
  void relocate(Relocation relocation, Site site, Reference reference, StencilDraft stencil)
      throws UnsupportedRelocationException;

  /** The target for {@code triple}, if Stencil4j supports it yet. */
  static Optional<Target> of(Triple triple) {
    return triple == Triple.X86_64_UNKNOWN_LINUX_GNU
        ? Optional.of(new X86_64Linux()) : Optional.empty();
  }
}
