package io.stencil4j.processor.target;

/** A relocation type, or a use of one, that a target cannot turn into holes. */
public final class UnsupportedRelocationException extends Exception {
  /**
   * A relocation this target cannot patch, and why.
   *
   * @param message the relocation type, where it is, and what is unsupported about it
   */
  public UnsupportedRelocationException(String message) {
    super(message);
  }
}
