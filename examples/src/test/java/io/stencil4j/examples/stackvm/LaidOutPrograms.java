package io.stencil4j.examples.stackvm;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Checks on the programs a JIT's pass lays out with the depths it knows. */
final class LaidOutPrograms {
  private LaidOutPrograms() {}

  /** The pass's depths must be those a fresh verification of its layout computes. */
  static void assertVerifiesWithTheSameDepths(Program laidOut) {
    Program verified = new Program(laidOut.name(), laidOut.code(), laidOut.locals());
    for (int pc = 0; pc < laidOut.code().size(); pc++) {
      assertEquals(verified.depth(pc), laidOut.depth(pc), laidOut.name() + " at " + pc);
    }
    assertEquals(verified.maxDepth(), laidOut.maxDepth(), laidOut.name());
  }
}
