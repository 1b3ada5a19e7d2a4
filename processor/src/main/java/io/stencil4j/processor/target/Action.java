package io.stencil4j.processor.target;

import io.stencil4j.model.HoleKind;

/**
 * What a relocation type asks of the stencil builder, across formats: most write the reference
 * as one hole kind; GOT actions first route it through a slot in the stencil's data (or, for a
 * reference within the stencils, rewrite the instruction to use it directly); direct branches to
 * external symbols go through a trampoline.
 */
enum Action {
  ABS_64(HoleKind.ABS_64),
  ABS_32(HoleKind.ABS_32),
  ABS_32U(HoleKind.ABS_32U),
  ABS_32S(HoleKind.ABS_32S),
  /** PC-relative 32 bits; a direct call or jump to an external symbol uses a trampoline. */
  REL_32(HoleKind.REL_32),
  /** An x86 load from the GOT that may be relaxed ({@code GOTPCRELX}, Mach-O {@code GOT*}). */
  GOT_REL_32(HoleKind.REL_32),
  /** An x86 load from the GOT that must stay one ({@code R_X86_64_GOTPCREL}). */
  GOT_REL_32_STRICT(HoleKind.REL_32),
  BRANCH26(HoleKind.ARM64_BRANCH26),
  BRANCH19(HoleKind.ARM64_BRANCH19),
  PAGE21(HoleKind.ARM64_PAGE21),
  PAGEOFF12(HoleKind.ARM64_PAGEOFF12),
  /** ADRP of a GOT slot's page. */
  GOT_PAGE21(HoleKind.ARM64_PAGE21),
  /** LDR of a GOT slot; relaxed to ADD for a reference within the stencils. */
  GOT_PAGEOFF12(HoleKind.ARM64_PAGEOFF12),
  MOVW0(HoleKind.ARM64_MOVW0),
  MOVW1(HoleKind.ARM64_MOVW1),
  MOVW2(HoleKind.ARM64_MOVW2),
  MOVW3(HoleKind.ARM64_MOVW3);

  private final HoleKind kind;

  Action(HoleKind kind) {
    this.kind = kind;
  }

  /** The hole kind that finally patches the instruction or data. */
  HoleKind kind() {
    return kind;
  }

  boolean isGot() {
    return this == GOT_REL_32 || this == GOT_REL_32_STRICT || this == GOT_PAGE21
        || this == GOT_PAGEOFF12;
  }
}
