package io.stencil4j.runtime;

import io.stencil4j.model.HoleValue;
import io.stencil4j.model.StencilGroup;

/**
 * The rules a function must keep while it is assembled and when it is finished, each broken
 * one an exception naming the stencil: code that broke them would crash the JVM when called.
 */
final class AssemblyRules {
  private AssemblyRules() {}

  /** Checks that the stencil staged last has a parameter {@code index}. */
  static void requireParameter(StagedFunction staged, String method, int index) {
    if (staged.hasParameter(index)) {
      return;
    }
    if (staged.count == 0) {
      throw new IllegalStateException(method + "(" + index + ") before any append: " + method
          + " takes a parameter of the stencil appended last");
    }
    StencilGroup stencil = staged.last().stencil;
    throw new IndexOutOfBoundsException("stencil " + stencil.name() + " has the parameters "
        + stencil.parameters() + ", no parameter " + index);
  }

  /** Checks that the stencil staged last, if any, has all its parameters. */
  static void requireFilled(StagedFunction staged) {
    if (staged.unfilled == 0) {
      return;
    }
    int first = staged.lastParametersAt();
    for (int slot = first; slot < staged.parameterCount; slot++) {
      if (!staged.filled[slot]) {
        throw new IllegalStateException("parameter "
            + staged.last().stencil.parameters().get(slot - first) + " of "
            + staged.describe(staged.count - 1) + " was never filled");
      }
    }
  }

  /** Native code enters stencils through the shim only, when the library has one. */
  static void requireShimFirst(PreparedLibrary library, PreparedStencil first) {
    if (library.hasShim && first.index != library.shimIndex) {
      throw new IllegalStateException("stencil " + first.stencil.name() + " is appended first,"
          + " but this library has a shim: a function must start with stencil SHIM (the"
          + " emitter's shim()), which native code calls");
    }
  }

  /**
   * Checks that the last stencil does not continue to a next one, which would be whatever
   * follows the function in memory: neither through a hole nor by falling off its end.
   */
  static void requireEnd(StagedFunction staged) {
    PreparedStencil last = staged.last();
    String cause = null;
    for (int h = 0; h < last.codeHoleCount && cause == null; h++) {
      if (last.values[h] == HoleValue.CONTINUE) {
        cause = "code hole " + last.hole(h);
      }
    }
    if (cause == null && last.stencil.fallsThrough()) {
      cause = "it falls through: its jump to _JIT_CONTINUE was removed";
    }
    if (cause != null) {
      throw new IllegalStateException(staged.describe(staged.count - 1) + " is the last"
          + " stencil, but it continues to the next one (" + cause + "); end the function with"
          + " a stencil that returns or jumps");
    }
  }
}
