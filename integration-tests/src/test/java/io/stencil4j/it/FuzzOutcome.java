package io.stencil4j.it;

/** What became of one program on one configuration of the differential test. */
enum FuzzOutcome {
  /** The stencil returned the reference's checksum. */
  MATCH("MATCH", false),
  /** The stencil returned another checksum: a wrong stencil. */
  MISMATCH("MISMATCH", true),
  /** The stencil's process died (a signal, or no result). */
  CRASH("CRASH", true),
  /** The stencil did not return in time (under qemu a slow program may). */
  TIMEOUT("TIMEOUT", false),
  /** Stencil4j refused to build the program, with an error. */
  BUILD_ERROR("BUILD-ERROR", false),
  /** The stencil was built but could not be emitted (a hole out of range, a missing symbol). */
  EMIT_ERROR("EMIT-ERROR", true),
  /** No trustworthy reference: gcc and clang disagree, or the program runs too long. */
  SKIPPED("skipped", false);

  final String label;
  /** Whether the test fails on it: a silently wrong or unusable stencil. */
  final boolean failure;

  FuzzOutcome(String label, boolean failure) {
    this.label = label;
    this.failure = failure;
  }
}
