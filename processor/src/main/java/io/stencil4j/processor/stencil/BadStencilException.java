package io.stencil4j.processor.stencil;

/** An object file that breaks the template contract or uses what the target cannot patch. */
public final class BadStencilException extends Exception {
  /**
   * An object file that breaks the contract, and how.
   *
   * @param message what the stencil does that it may not, and where
   */
  public BadStencilException(String message) {
    super(message);
  }
}
