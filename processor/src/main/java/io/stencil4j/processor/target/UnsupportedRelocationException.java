package io.stencil4j.processor.target;

/** A relocation type, or a use of one, that a target cannot turn into holes. */
public final class UnsupportedRelocationException extends Exception {
  public UnsupportedRelocationException(String message) {
    super(message);
  }
}
