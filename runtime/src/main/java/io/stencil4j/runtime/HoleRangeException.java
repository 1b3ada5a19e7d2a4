package io.stencil4j.runtime;

/**
 * A hole's value does not fit the hole's encoding (a 32-bit displacement to a target 3 GiB away, a
 * branch to a misaligned address, ...). Nothing was written when this is thrown. A JIT may catch it
 * to fall back to another tier.
 */
public final class HoleRangeException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /**
   * A value that does not fit its hole.
   *
   * @param message the stencil, hole and value, and the range the hole takes
   */
  public HoleRangeException(String message) {
    super(message);
  }

  /**
   * A value that does not fit its hole, naming where it was patched.
   *
   * @param message the stencil, hole and value, and the range the hole takes
   * @param cause the exception that named the hole itself
   */
  public HoleRangeException(String message, Throwable cause) {
    super(message, cause);
  }
}
