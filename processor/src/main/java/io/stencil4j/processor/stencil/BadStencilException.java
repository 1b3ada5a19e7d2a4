package io.stencil4j.processor.stencil;

/** An object file that breaks the template contract or uses what the target cannot patch. */
public final class BadStencilException extends Exception {
  public BadStencilException(String message) {
    super(message);
  }
}
